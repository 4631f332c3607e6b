import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { systemClock } from '../../../src/core/clock.js';
import type { InboundMessage } from '../../../src/core/messages.js';
import type { ClaimedEvent } from '../../../src/inbox/inbound-event.js';
import { Inbox, type BatchOutcome } from '../../../src/inbox/inbox.js';
import { isUrgentMessage } from '../../../src/triage/urgency.js';
import { describeEachDatabase } from '../../support/database.js';
import { testLogger } from '../../support/service.js';

function text(chatId: string, body: string): InboundMessage {
  return { channel: 'WEB', eventKey: randomUUID(), externalUserId: chatId, chatId, kind: 'text', text: body, sentAt: new Date().toISOString() };
}

const handledAll: BatchOutcome = { failures: new Map(), followUps: new Map() };

describeEachDatabase('the inbox under a backlog', (db) => {
  function inbox(handler: (events: readonly ClaimedEvent[]) => Promise<BatchOutcome>, maxBatch: number): Inbox {
    return new Inbox({
      db: db(),
      log: testLogger(),
      clock: systemClock,
      concurrency: 1,
      maxBatch,
      isUrgent: isUrgentMessage,
      handler: (take) => handler(take()),
    });
  }

  it('handles a message the rules call urgent before calm ones that arrived earlier', async () => {
    const handled: string[] = [];
    let release: () => void = () => {};
    const firstDone = new Promise<void>((resolve) => (release = resolve));
    const box = inbox(async ([event]) => {
      handled.push(event?.message.text ?? '');
      if (handled.length === 1) await firstDone;
      return handledAll;
    }, 1);
    box.start();
    try {
      await box.accept(text('c-0', '今天还好'));
      for (let i = 1; i <= 5; i++) await box.accept(text(`c-${i}`, `第${i}条：周末去爬山`));
      await box.accept(text('c-urgent', '我刚把一整瓶安眠药都吃了'));
      release();
      await box.drained();
      expect(handled).toHaveLength(7);
      // The one in hand finishes; the urgent one goes next, then the calm ones in order.
      expect(handled[1]).toBe('我刚把一整瓶安眠药都吃了');
      expect(handled.slice(2)).toEqual([1, 2, 3, 4, 5].map((i) => `第${i}条：周末去爬山`));
    } finally {
      await box.stop();
    }
  });

  it('keeps one chat in order even when its later message is urgent', async () => {
    const handled: string[] = [];
    const box = inbox(async (events) => {
      handled.push(...events.map((e) => e.message.text ?? ''));
      return handledAll;
    }, 8);
    box.start();
    try {
      await box.accept(text('same', '早上好'));
      await box.accept(text('same', '我刚把一整瓶安眠药都吃了'));
      await box.drained();
      expect(handled).toEqual(['早上好', '我刚把一整瓶安眠药都吃了']);
    } finally {
      await box.stop();
    }
  });

  it('works off a backlog in batches of different chats, urgent events first in the batch', async () => {
    const batches: string[][] = [];
    let release: () => void = () => {};
    const firstDone = new Promise<void>((resolve) => (release = resolve));
    const box = inbox(async (events) => {
      batches.push(events.map((e) => `${e.message.chatId}:${e.message.text ?? ''}`));
      if (batches.length === 1) await firstDone;
      return handledAll;
    }, 4);
    box.start();
    try {
      await box.accept(text('a', '早'));
      for (const chat of ['b', 'c', 'a', 'd', 'e']) await box.accept(text(chat, '还好'));
      await box.accept(text('f', '我刚把一整瓶安眠药都吃了'));
      release();
      await box.drained();
      expect(batches[0]).toEqual(['a:早']);
      // The backlog goes in a full batch, the urgent message at its head.
      expect(batches[1]).toEqual(['f:我刚把一整瓶安眠药都吃了', 'b:还好', 'c:还好', 'd:还好']);
      // Chat a's second message became ready only when its first was done, so it comes after.
      expect(batches.slice(2).flat().sort()).toEqual(['a:还好', 'e:还好']);
      for (const batch of batches) expect(new Set(batch.map((e) => e.split(':')[0])).size).toBe(batch.length);
    } finally {
      await box.stop();
    }
  });

  it('records a failure for the failed event only and waits for follow-ups before the chat goes on', async () => {
    const order: string[] = [];
    let finishFollowUp: () => void = () => {};
    const followUp = new Promise<void>((resolve) => (finishFollowUp = resolve));
    const box = inbox(async (events) => {
      order.push(...events.map((e) => e.message.text ?? ''));
      const failing = events.find((e) => e.message.text === 'fails');
      const slow = events.find((e) => e.message.text === 'slow');
      return {
        failures: new Map(failing ? [[failing.id, new Error('boom')]] : []),
        followUps: new Map(slow ? [[slow.id, followUp.then(() => void order.push('slow done'))]] : []),
      };
    }, 8);
    box.start();
    try {
      await box.accept(text('x', 'slow'));
      await box.accept(text('y', 'fails'));
      await box.accept(text('x', 'after slow'));
      await box.accept(text('z', 'other chat'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Chat x waits for its follow-up; other chats do not.
      expect(order).toContain('other chat');
      expect(order).not.toContain('after slow');
      finishFollowUp();
      await box.drained();
      expect(order.indexOf('after slow')).toBeGreaterThan(order.indexOf('slow done'));
      const rows = await db().prisma.inboundEvent.findMany({ where: { lastError: { not: null } } });
      expect(rows.map((r) => r.lastError)).toEqual(['Error']);
    } finally {
      await box.stop();
    }
  });
});
