import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { systemClock } from '../../../src/core/clock.js';
import type { InboundMessage } from '../../../src/core/messages.js';
import { Inbox } from '../../../src/inbox/inbox.js';
import { isUrgentMessage } from '../../../src/triage/urgency.js';
import { describeEachDatabase } from '../../support/database.js';
import { testLogger } from '../../support/service.js';

function text(chatId: string, body: string): InboundMessage {
  return { channel: 'WEB', eventKey: randomUUID(), externalUserId: chatId, chatId, kind: 'text', text: body, sentAt: new Date().toISOString() };
}

describeEachDatabase('the inbox under a backlog', (db) => {
  it('handles a message the rules call urgent before calm ones that arrived earlier', async () => {
    const handled: string[] = [];
    let release: () => void = () => {};
    const firstDone = new Promise<void>((resolve) => (release = resolve));
    const inbox = new Inbox({
      prisma: db().prisma,
      log: testLogger(),
      clock: systemClock,
      concurrency: 1,
      isUrgent: isUrgentMessage,
      handler: async (event) => {
        handled.push(event.message.text ?? '');
        if (handled.length === 1) await firstDone;
      },
    });
    inbox.start();
    try {
      await inbox.accept(text('c-0', '今天还好'));
      for (let i = 1; i <= 5; i++) await inbox.accept(text(`c-${i}`, `第${i}条：周末去爬山`));
      await inbox.accept(text('c-urgent', '我刚把一整瓶安眠药都吃了'));
      release();
      await inbox.drained();
      expect(handled).toHaveLength(7);
      // The one in hand finishes; the urgent one goes next, then the calm ones in order.
      expect(handled[1]).toBe('我刚把一整瓶安眠药都吃了');
      expect(handled.slice(2)).toEqual([1, 2, 3, 4, 5].map((i) => `第${i}条：周末去爬山`));
    } finally {
      await inbox.stop();
    }
  });

  it('keeps one chat in order even when its later message is urgent', async () => {
    const handled: string[] = [];
    const inbox = new Inbox({
      prisma: db().prisma,
      log: testLogger(),
      clock: systemClock,
      concurrency: 1,
      isUrgent: isUrgentMessage,
      handler: async (event) => {
        handled.push(event.message.text ?? '');
      },
    });
    inbox.start();
    try {
      await inbox.accept(text('same', '早上好'));
      await inbox.accept(text('same', '我刚把一整瓶安眠药都吃了'));
      await inbox.drained();
      expect(handled).toEqual(['早上好', '我刚把一整瓶安眠药都吃了']);
    } finally {
      await inbox.stop();
    }
  });
});
