import { beforeEach, expect, it } from 'vitest';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { enqueueOutbound, type OutboundItem } from '../../../src/outbox/enqueue.js';
import { enqueueOutboundBulk } from '../../../src/outbox/enqueue-bulk.js';
import { describeEachDatabase } from '../../support/database.js';
import { participant, station, wipe } from './fixtures.js';

describeEachDatabase('bulk enqueue', (db) => {
  let prisma: PrismaClient;
  let identityId: string;

  beforeEach(async () => {
    prisma = db().prisma;
    await wipe(prisma);
    const person = await participant(prisma, await station(prisma));
    identityId = person.identityIds[0]!;
  });

  const now = new Date('2026-03-02T01:00:00.123Z');
  const item = (key: string | undefined, extra: Partial<OutboundItem> = {}): OutboundItem => ({
    identityId,
    channel: 'WEB',
    message: { text: `提醒 ${key?.split(':').at(-1) ?? ''}`, choices: [{ label: '确认', value: 'appt:ok:1' }] },
    priority: 7,
    isReply: false,
    ...(key ? { dedupeKey: key } : {}),
    ...extra,
  });
  const stored = async (prefix: string) => {
    const rows = await prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: prefix } }, orderBy: { dedupeKey: 'asc' } });
    return rows.map(({ id: _id, dedupeKey, ...rest }) => ({ ...rest, key: dedupeKey?.slice(prefix.length) }));
  };

  it('stores the same rows as enqueueOutbound', async () => {
    const items = (prefix: string) => [
      item(`${prefix}a`),
      item(`${prefix}b`, { isReply: true, priority: 0, message: { text: '你并不孤单' } }),
      item(`${prefix}c`, { notBefore: new Date('2026-03-02T02:00:00Z'), replyToken: { token: 't', expiresAt: '2026-03-02T01:01:00Z' } }),
    ];
    await prisma.$transaction((tx) => enqueueOutbound(tx, items('one:'), now));
    const count = await prisma.$transaction((tx) => enqueueOutboundBulk(tx, items('bulk:'), now));
    expect(count).toBe(3);
    const bulk = await stored('bulk:');
    expect(bulk).toEqual(await stored('one:'));
    expect(bulk.map((r) => [r.key, r.status, r.attempts, r.nextAttemptAt, r.createdAt])).toEqual([
      ['a', 'PENDING', 0, now, now],
      ['b', 'PENDING', 0, now, now],
      ['c', 'PENDING', 0, new Date('2026-03-02T02:00:00Z'), now],
    ]);
    expect(bulk[0]!.payload).toEqual({ text: '提醒 a', choices: [{ label: '确认', value: 'appt:ok:1' }] });
  });

  it('skips dedupe keys stored already, in any chunk, and counts only new rows', async () => {
    await prisma.$transaction((tx) => enqueueOutboundBulk(tx, [item('k:1'), item('k:2')], now));
    const many = Array.from({ length: 2500 }, (_, i) => item(`k:${i}`));
    const count = await prisma.$transaction((tx) => enqueueOutboundBulk(tx, [...many, item(undefined), item(undefined)], now));
    expect(count).toBe(2500 - 2 + 2);
    expect(await prisma.outboxMessage.count()).toBe(2502);
    expect(await prisma.$transaction((tx) => enqueueOutboundBulk(tx, [], now))).toBe(0);
  });
});
