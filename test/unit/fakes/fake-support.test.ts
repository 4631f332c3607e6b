// The shared pieces behind the fakes: body parsing, limiters, failure queue,
// and clean shutdown while requests are held open.
import { describe, expect, it } from 'vitest';
import { Telegram } from 'telegraf';
import { FailureQueue } from '../../fakes/failure-queue.js';
import { parseBody } from '../../fakes/parse-body.js';
import { KeyedTokenBucket, SlidingWindowLimiter } from '../../fakes/rate-limit.js';
import { FakeTelegramApi } from '../../fakes/telegram-bot-api.js';

describe('parseBody', () => {
  it('parses JSON, urlencoded and invalid JSON', () => {
    expect(parseBody('application/json', Buffer.from('{"a":1}'))).toEqual({ kind: 'json', value: { a: 1 } });
    expect(parseBody('application/x-www-form-urlencoded', Buffer.from('chat_id=5&text=%E4%BD%A0'))).toEqual({
      kind: 'form',
      fields: { chat_id: '5', text: '你' },
    });
    expect(parseBody('application/json', Buffer.from('{"a":')).kind).toBe('invalid-json');
    expect(parseBody(undefined, Buffer.alloc(0))).toEqual({ kind: 'empty' });
  });

  it('keeps binary multipart parts intact and reads fetch FormData', async () => {
    const bytes = Buffer.from([0, 255, 13, 10, 45, 45, 1]);
    const form = new FormData();
    form.append('caption', '图片');
    form.append('photo', new Blob([bytes], { type: 'image/jpeg' }), 'p.jpg');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const raw = Buffer.from(await request.arrayBuffer());
    const parsed = parseBody(request.headers.get('content-type') ?? undefined, raw);
    if (parsed.kind !== 'multipart') throw new Error(`expected multipart, got ${parsed.kind}`);
    expect(parsed.fields).toEqual({ caption: '图片' });
    expect(parsed.files.photo).toMatchObject({ filename: 'p.jpg', contentType: 'image/jpeg', size: bytes.length });
    expect(parsed.files.photo?.content.equals(bytes)).toBe(true);
  });
});

describe('limiters and failure queue', () => {
  it('slides the window and refills buckets with the clock', () => {
    let now = 0;
    const window = new SlidingWindowLimiter(2, 1_000, () => now);
    window.record();
    now = 400;
    window.record();
    expect(window.waitMs()).toBe(600);
    now = 1_000;
    expect(window.waitMs()).toBe(0);

    const bucket = new KeyedTokenBucket(1, 2, () => now);
    bucket.take('a');
    bucket.take('a');
    expect(bucket.waitMs('a')).toBe(1_000);
    expect(bucket.waitMs('b')).toBe(0);
    now += 500;
    expect(bucket.waitMs('a')).toBe(500);
  });

  it('uses failures up in order and only for matching contexts', () => {
    const queue = new FailureQueue<string, string>();
    queue.add(2, 'x', (c) => c === 'send');
    queue.add(1, 'y');
    expect(queue.take('poll')).toBe('y');
    expect(queue.take('send')).toBe('x');
    expect(queue.take('send')).toBe('x');
    expect(queue.take('send')).toBeUndefined();
  });
});

describe('shutdown', () => {
  it('stops promptly with a long poll held open and fails pending waitFor calls', async () => {
    const fake = new FakeTelegramApi();
    await fake.start();
    const telegram = new Telegram(fake.token, { apiRoot: fake.url });
    const poll = telegram.getUpdates(50, 100, 0, undefined).catch((e: unknown) => e);
    await fake.waitFor((r) => r.apiMethod === 'getUpdates');
    const waiting = fake.waitFor((r) => r.apiMethod === 'sendMessage', 10_000);
    const started = Date.now();
    await fake.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(waiting).rejects.toThrow(/the fake was stopped/);
    await poll;
    expect(() => fake.url).toThrow(/not started/);
  });
});
