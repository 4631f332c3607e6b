import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { systemClock } from '../../../src/core/clock.js';
import type { InboundMessage } from '../../../src/core/messages.js';
import { Inbox, type BatchOutcome, type InboundBatchHandler } from '../../../src/inbox/inbox.js';
import { describeEachDatabase } from '../../support/database.js';
import { eventually, testLogger } from '../../support/service.js';

function text(chatId: string, body: string): InboundMessage {
  return { channel: 'TELEGRAM', eventKey: randomUUID(), externalUserId: chatId, chatId, kind: 'text', text: body, sentAt: new Date().toISOString() };
}

const handledAll: BatchOutcome = { failures: new Map(), followUps: new Map() };

describeEachDatabase('the inbox after a restart', (db) => {
  /** Takes its events and records their texts; like a run that dies before marking them, it never marks them processed. */
  const recording =
    (handled: string[]): InboundBatchHandler =>
    async (take) => {
      handled.push(...take().map((e) => e.message.text ?? ''));
      return handledAll;
    };

  it('as the only process on its database, takes over at start what an earlier run claimed and never finished', async () => {
    const earlier = new Inbox({ db: db(), log: testLogger(), clock: systemClock, handler: recording([]) });
    // Stored and claimed for a minute by a run that then died.
    await earlier.accept(text('e', '被中断的消息'));
    await earlier.drained();
    await earlier.stop();

    // Where other processes may share the database, the claim is respected until it expires.
    const shared = new Inbox({ db: db(), log: testLogger(), clock: systemClock, handler: recording([]) });
    expect(await shared.recover()).toBe(0);

    const handled: string[] = [];
    const sole = new Inbox({ db: db(), log: testLogger(), clock: systemClock, soleProcess: true, handler: recording(handled) });
    sole.start();
    await sole.accept(text('f', '新来的消息'));
    await eventually(async () => (handled.length >= 2 ? true : undefined), 5_000, 'the orphaned event');
    await sole.drained();
    // The new one, claimed by this run, is not taken over as an orphan: each is handled once.
    expect(handled.sort()).toEqual(['新来的消息', '被中断的消息'].sort());
    await sole.stop();
  });
});
