import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FileBox } from 'file-box';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScanStatus, types } from 'wechaty';
import type { SendTarget } from '../../../../src/channels/channel.js';
import { createWechatChannel, WECHAT_CAPABILITIES, type WechatPuppetName } from '../../../../src/channels/wechat/index.js';
import { createLogger } from '../../../../src/log/logger.js';
import { logsMatching, MemorySink, sentTo, startHarness, type Harness } from './harness.js';

const QR_URL = 'https://login.weixin.qq.com/l/oZ3kLpQ8Xw==';

/** A message of any type from a contact, as a puppet would report it (the mock's say() makes few types). */
function receive(h: Harness, talkerId: string, listenerId: string, type: types.Message): void {
  const id = `${type}-${talkerId}`;
  h.mocker.MessageMock.create({ id, talkerId, listenerId, type, timestamp: Date.now() });
  h.puppet.emit('message', { messageId: id });
}

function targetOf(id: string): SendTarget {
  return { chatId: id, externalUserId: id, idempotencyKey: `outbox-${id}` };
}

describe('WeChat channel on the mock puppet', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('shows the login QR code while waiting for a scan and logs it once', async () => {
    h = await startHarness();
    expect(h.channel.status().state).toBe('starting');

    h.mocker.scan(QR_URL, ScanStatus.Waiting);
    h.mocker.scan(QR_URL, ScanStatus.Waiting);
    await vi.waitFor(() => expect(h.channel.status()).toMatchObject({ state: 'waiting-for-login', loginQrCode: QR_URL }));
    h.mocker.scan('', ScanStatus.Scanned);
    expect(h.channel.status()).toMatchObject({ state: 'waiting-for-login', loginQrCode: QR_URL });

    const qrLines = h.logs.filter((line) => line.includes('QR code'));
    expect(qrLines).toHaveLength(1);
    expect(qrLines[0]).toContain(QR_URL);

    await h.login();
    expect(h.channel.status().loginQrCode).toBeUndefined();
    await h.puppet.logout();
    await vi.waitFor(() => expect(h.channel.status().state).toBe('waiting-for-login'));
  });

  it('keeps the login session under the data directory', async () => {
    h = await startHarness({ name: 'bot-a' });
    await h.login();
    // What wechat4u does after a login, so that a restart logs in without a scan.
    const { memory } = h.puppet as unknown as { memory: { set(key: string, value: unknown): Promise<void>; save(): Promise<void> } };
    await memory.set('session', { fake: true });
    await memory.save();

    expect(await readdir(path.join(h.dataDir, 'wechat'))).toEqual(['bot-a.memory-card.json']);
    expect((await readdir(process.cwd())).filter((file) => file.endsWith('.memory-card.json'))).toEqual([]);
  });

  it("stores a contact's text with the platform's ids and time, and logs none of it", async () => {
    h = await startHarness();
    const bot = await h.login();
    const person = h.mocker.createContact({ name: '李华' });
    const before = Date.now();

    person.say('今天有点难受').to(bot);

    await vi.waitFor(() => expect(h.sink.messages).toHaveLength(1));
    const [message] = h.sink.messages;
    const [stored] = [...h.mocker.cacheMessagePayload.values()].filter((p) => p.talkerId === person.id);
    expect(message).toEqual({
      channel: 'WECHAT',
      eventKey: stored?.id,
      externalUserId: person.id,
      chatId: person.id,
      kind: 'text',
      text: '今天有点难受',
      sentAt: expect.any(String),
    });
    expect(Date.parse(message?.sentAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(h.channel.status().lastEventAt).toBeDefined();
    const allLogs = h.logs.join('\n');
    expect(allLogs).not.toContain('今天有点难受');
    expect(allLogs).not.toContain('李华');
  });

  it('ignores group chats and the bot account’s own messages', async () => {
    h = await startHarness();
    const bot = await h.login();
    const person = h.mocker.createContact();
    const room = h.mocker.createRoom({ memberIdList: [bot.id, person.id] });

    person.say('群里的话').to(room);
    bot.say('手机上发的').to(person);
    person.say('私聊').to(bot);

    await vi.waitFor(() => expect(h.sink.messages.map((m) => m.text)).toContain('私聊'));
    expect(h.sink.messages.map((m) => m.text)).toEqual(['私聊']);
    const ignored = logsMatching(h.logs, 'wechat message ignored').map((entry) => entry['reason']);
    expect(ignored).toEqual(expect.arrayContaining(['room', 'self']));
  });

  it('turns a photo into an image message without text', async () => {
    h = await startHarness();
    const bot = await h.login();
    const person = h.mocker.createContact();

    person.say(FileBox.fromBase64(Buffer.from('bytes').toString('base64'), 'photo.jpg')).to(bot);

    await vi.waitFor(() => expect(h.sink.messages).toHaveLength(1));
    expect(h.sink.messages[0]).toMatchObject({ kind: 'image', externalUserId: person.id });
    expect(h.sink.messages[0]?.text).toBeUndefined();
  });

  it('maps every other message type to its non-text kind', async () => {
    h = await startHarness();
    const bot = await h.login();
    const person = h.mocker.createContact();
    const cases = [
      [types.Message.Audio, 'voice'],
      [types.Message.Video, 'video'],
      [types.Message.Attachment, 'file'],
      [types.Message.Emoticon, 'sticker'],
      [types.Message.Location, 'location'],
      [types.Message.Contact, 'other'],
      [types.Message.Url, 'other'],
      [types.Message.MiniProgram, 'other'],
      [types.Message.Unknown, 'other'],
    ] as const;

    for (const [type] of cases) receive(h, person.id, bot.id, type);

    await vi.waitFor(() => expect(h.sink.messages).toHaveLength(cases.length));
    const kindById = new Map(h.sink.messages.map((m) => [m.eventKey, m.kind]));
    expect(cases.map(([type]) => kindById.get(`${type}-${person.id}`))).toEqual(cases.map(([, kind]) => kind));
  });

  it('ignores a recall notice', async () => {
    h = await startHarness();
    const bot = await h.login();
    const person = h.mocker.createContact();
    receive(h, person.id, bot.id, types.Message.Recalled);
    person.say('在吗').to(bot);
    await vi.waitFor(() => expect(h.sink.messages).toHaveLength(1));
    expect(h.sink.messages[0]?.kind).toBe('text');
  });

  it('sends choices as numbered options the contact receives', async () => {
    h = await startHarness();
    const bot = await h.login();
    const person = h.mocker.createContact();

    const result = await h.channel.send(targetOf(person.id), {
      text: '今天想做什么？',
      choices: [
        { label: '签到', value: 'checkin' },
        { label: '我的安排', value: 'schedule' },
      ],
    });

    expect(result.ok).toBe(true);
    expect(sentTo(h.mocker, person, bot)).toEqual(['今天想做什么？\n\n1. 签到\n2. 我的安排\n回复数字选择。']);
    expect(h.sink.messages).toEqual([]);
  });

  it('splits text longer than 2,000 characters into ordered parts at line ends', async () => {
    h = await startHarness();
    const bot = await h.login();
    const person = h.mocker.createContact();
    const paragraphs = ['一', '二', '三', '四'].map((n) => `第${n}段：${'每天按时签到，有困难就告诉社工。'.repeat(100)}`);
    const text = paragraphs.join('\n');

    const result = await h.channel.send(targetOf(person.id), { text });

    expect(result.ok).toBe(true);
    const parts = sentTo(h.mocker, person, bot);
    expect(parts).toEqual(paragraphs);
    for (const part of parts) expect(Array.from(part).length).toBeLessThanOrEqual(WECHAT_CAPABILITIES.maxTextLength);
  });

  it('reports an unknown contact as unreachable', async () => {
    h = await startHarness();
    await h.login();
    const result = await h.channel.send(targetOf('no-such-contact'), { text: '你好' });
    expect(result).toMatchObject({ ok: false, kind: 'unreachable' });
  });

  it('asks to retry while the account is not logged in', async () => {
    h = await startHarness();
    const person = h.mocker.createContact();
    const result = await h.channel.send(targetOf(person.id), { text: '你好' });
    expect(result).toMatchObject({ ok: false, kind: 'retry', retryAfterMs: expect.any(Number) });
  });

  it('asks to retry when the puppet fails to send', async () => {
    h = await startHarness();
    await h.login();
    const person = h.mocker.createContact();
    vi.spyOn(h.puppet, 'messageSendText').mockRejectedValueOnce(new Error('socket hang up'));
    const result = await h.channel.send(targetOf(person.id), { text: '你好' });
    expect(result).toMatchObject({ ok: false, kind: 'retry' });
    expect(JSON.stringify(result)).not.toContain('socket hang up');
  });

  it('stops cleanly and then asks senders to retry', async () => {
    h = await startHarness();
    await h.login();
    const person = h.mocker.createContact();

    await h.channel.stop();
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(h.channel.status().state).toBe('stopped');
    expect(await h.channel.send(targetOf(person.id), { text: '你好' })).toMatchObject({ ok: false, kind: 'retry' });
  });

  it('tries the inbox again when storing fails, since WeChat never redelivers', async () => {
    h = await startHarness();
    const bot = await h.login();
    const person = h.mocker.createContact();
    h.sink.failuresLeft = 2;

    person.say('还在吗').to(bot);

    await vi.waitFor(() => expect(h.sink.messages).toHaveLength(1));
    const retries = logsMatching(h.logs, 'wechat message not stored yet; trying again');
    expect(retries).toHaveLength(2);
    expect(h.logs.join('\n')).not.toContain('还在吗');
  });
});

describe('WeChat channel lifecycle', () => {
  it('asks to retry a send before it has started', async () => {
    const log = createLogger({ level: 'silent' });
    const channel = createWechatChannel(
      { puppet: 'wechaty-puppet-mock', dataDir: '/nonexistent', verifyInviteCode: async () => false },
      log,
    );
    expect(channel.status().state).toBe('stopped');
    const result = await channel.send(targetOf('x'), { text: 'hi' });
    expect(result).toMatchObject({ ok: false, kind: 'retry' });
    await channel.stop();
  });

  it('fails start, with the status saying so, when the puppet package cannot be loaded', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongxing-wechat-'));
    const logs: string[] = [];
    const log = createLogger({ level: 'info', destination: { write: (line: string) => void logs.push(line) } });
    const channel = createWechatChannel(
      {
        // Only a mistyped name in code can get here: the environment schema allows known puppets only.
        puppet: 'wechaty-puppet-not-installed' as WechatPuppetName,
        puppetToken: 'secret-token-123',
        dataDir,
        verifyInviteCode: async () => false,
      },
      log,
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);

    await expect(channel.start(new MemorySink())).rejects.toThrow();

    expect(channel.status().state).toBe('error');
    expect(logsMatching(logs, 'wechat puppet could not be loaded')).toHaveLength(1);
    expect(logs.join('\n')).not.toContain('secret-token-123');
    await channel.stop();
    await rm(dataDir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });
});
