import { afterEach, describe, expect, it, vi } from 'vitest';
import { types, type payloads } from 'wechaty';
import type { mock } from 'wechaty-puppet-mock';
import { logsMatching, startHarness, VALID_CODE, type Harness } from './harness.js';

const requestLog = 'wechat friend request';

/** A friend request arriving from the puppet, as wechat4u or a gateway reports it. */
async function requestFriendship(h: Harness, from: mock.ContactMock, id: string, hello: string): Promise<void> {
  const payload: payloads.Friendship = {
    id,
    contactId: from.id,
    hello,
    ticket: `ticket-${id}`,
    timestamp: Date.now(),
    type: types.Friendship.Receive,
  };
  await h.puppet.friendshipPayload(id, payload);
  h.puppet.emit('friendship', { friendshipId: id });
}

/** WeChat's "you are now friends" event. */
async function confirmFriendship(h: Harness, from: mock.ContactMock, id: string): Promise<void> {
  const payload: payloads.Friendship = { id, contactId: from.id, timestamp: Date.now(), type: types.Friendship.Confirm };
  await h.puppet.friendshipPayload(id, payload);
  h.puppet.emit('friendship', { friendshipId: id });
}

describe('WeChat friend requests', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('accepts a request whose greeting carries a valid code and passes the code on once WeChat confirms', async () => {
    const checked: { code: string; sender: string }[] = [];
    h = await startHarness({
      verifyInviteCode: async (code, sender) => {
        checked.push({ code, sender: sender.externalUserId });
        return code === VALID_CODE;
      },
    });
    await h.login();
    const stranger = h.mocker.createContact({ name: '王芳' });
    const accept = vi.spyOn(h.puppet, 'friendshipAccept').mockImplementation(async () => {
      setImmediate(() => void confirmFriendship(h, stranger, 'confirm-1'));
    });

    await requestFriendship(h, stranger, 'request-1', '我是王芳，邀请码 ｋ７ｐ２－ｑｘ９ｍ');

    // The Confirm event may overtake accept() resolving: wait for both.
    await vi.waitFor(() => {
      expect(h.sink.messages).toHaveLength(1);
      expect(logsMatching(h.logs, requestLog)).toHaveLength(1);
    });
    expect(accept).toHaveBeenCalledWith('request-1');
    expect(checked).toEqual([{ code: VALID_CODE, sender: stranger.id }]);
    expect(h.sink.messages[0]).toEqual({
      channel: 'WECHAT',
      eventKey: 'friend:request-1',
      externalUserId: stranger.id,
      chatId: stranger.id,
      kind: 'text',
      text: VALID_CODE,
      sentAt: expect.any(String),
    });
    expect(logsMatching(h.logs, requestLog).map((entry) => entry['decision'])).toEqual(['accepted']);
    expect(logsMatching(h.logs, 'wechat new friend: passing the invite code on for linking')[0]).toMatchObject({ how: 'confirmed' });
    const allLogs = h.logs.join('\n');
    for (const secret of [VALID_CODE, 'K7P2', 'ｋ７ｐ２', '王芳']) expect(allLogs).not.toContain(secret);
  });

  it('links anyway when the puppet never sends the Confirm event', async () => {
    h = await startHarness({ friendConfirmTimeoutMs: 30 });
    await h.login();
    const stranger = h.mocker.createContact();

    await requestFriendship(h, stranger, 'request-2', 'K7P2-QX9M');

    await vi.waitFor(() => expect(h.sink.messages).toHaveLength(1));
    expect(h.sink.messages[0]).toMatchObject({ eventKey: 'friend:request-2', text: VALID_CODE, externalUserId: stranger.id });
    expect(logsMatching(h.logs, 'wechat new friend: passing the invite code on for linking')[0]).toMatchObject({
      how: 'no-confirm-event',
    });
  });

  it.each([
    ['an invalid code', 'K7P2-QX9N', 'invalid-code'],
    ['no code', '我是王芳', 'no-code'],
  ])('does not accept a request with %s', async (_, hello, reason) => {
    h = await startHarness({ friendConfirmTimeoutMs: 10 });
    await h.login();
    const stranger = h.mocker.createContact();
    const accept = vi.spyOn(h.puppet, 'friendshipAccept');

    await requestFriendship(h, stranger, 'request-3', hello);

    await vi.waitFor(() => expect(logsMatching(h.logs, requestLog)).toHaveLength(1));
    expect(logsMatching(h.logs, requestLog)[0]).toMatchObject({ decision: 'ignored', reason });
    await confirmFriendship(h, stranger, 'confirm-3');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(accept).not.toHaveBeenCalled();
    expect(h.sink.messages).toEqual([]);
  });

  it('does not accept when the code cannot be checked', async () => {
    h = await startHarness({
      verifyInviteCode: async () => {
        throw new Error('database down');
      },
    });
    await h.login();
    const stranger = h.mocker.createContact();
    const accept = vi.spyOn(h.puppet, 'friendshipAccept');

    await requestFriendship(h, stranger, 'request-4', VALID_CODE);

    await vi.waitFor(() => expect(logsMatching(h.logs, requestLog)[0]).toMatchObject({ reason: 'check-failed' }));
    expect(accept).not.toHaveBeenCalled();
  });

  it('ignores a confirmed friend who came without a code', async () => {
    h = await startHarness();
    await h.login();
    const friend = h.mocker.createContact();

    await confirmFriendship(h, friend, 'confirm-5');

    await vi.waitFor(() =>
      expect(logsMatching(h.logs, 'wechat friend confirmed without a pending invite code')).toHaveLength(1),
    );
    expect(h.sink.messages).toEqual([]);
  });

  it('does not pass the greeting on a second time when it shows up as the first chat message', async () => {
    h = await startHarness();
    const bot = await h.login();
    const stranger = h.mocker.createContact();
    vi.spyOn(h.puppet, 'friendshipAccept').mockImplementation(async () => {
      setImmediate(() => void confirmFriendship(h, stranger, 'confirm-6'));
    });
    await requestFriendship(h, stranger, 'request-6', 'K7P2 QX9M');
    await vi.waitFor(() => expect(h.sink.messages).toHaveLength(1));

    stranger.say('K7P2 QX9M').to(bot);
    stranger.say('你好').to(bot);

    await vi.waitFor(() => expect(h.sink.messages).toHaveLength(2));
    expect(h.sink.messages.map((m) => m.text)).toEqual([VALID_CODE, '你好']);
  });
});
