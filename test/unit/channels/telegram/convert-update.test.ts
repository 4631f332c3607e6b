import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { convertTelegramUpdate } from '../../../../src/channels/telegram/convert-update.js';
import { isTelegramUpdate } from '../../../../src/channels/telegram/parse-update.js';
import { makeCallbackUpdate, makeTextUpdate } from '../../../fakes/telegram-bot-api.js';

const chatId = 600_001;
const now = new Date('2026-03-01T08:00:00Z');

/** A private-chat message update carrying `content` instead of text. */
function messageWith(content: Record<string, unknown>): Update {
  const base = makeTextUpdate({ chatId, messageId: 5, date: 1_760_000_000, text: 'x' });
  const { text: _text, entities: _entities, ...message } = base.message;
  return { update_id: base.update_id, message: { ...message, ...content } } as Update;
}

const file = { file_id: 'f', file_unique_id: 'u' };

describe('convertTelegramUpdate', () => {
  it.each([
    ['animation (also carries document)', { animation: { ...file, width: 1, height: 1, duration: 1 }, document: file }, 'video'],
    ['video note', { video_note: { ...file, length: 1, duration: 1 } }, 'video'],
    ['video', { video: { ...file, width: 1, height: 1, duration: 1 } }, 'video'],
    ['audio', { audio: { ...file, duration: 1 } }, 'voice'],
    ['document', { document: file }, 'file'],
    ['location', { location: { latitude: 31.2, longitude: 121.5 } }, 'location'],
    ['venue', { venue: { location: { latitude: 31.2, longitude: 121.5 }, title: 't', address: 'a' }, location: { latitude: 31.2, longitude: 121.5 } }, 'location'],
    ['contact', { contact: { phone_number: '13912345678', first_name: 'A' } }, 'other'],
    ['dice', { dice: { emoji: '🎲', value: 3 } }, 'other'],
    ['a content type from the future', { holographic_selfie: { id: 1 } }, 'other'],
  ])('turns a %s into kind %s without text', (_name, content, kind) => {
    const decision = convertTelegramUpdate(messageWith(content), now);
    expect(decision).toEqual({
      kind: 'accept',
      message: expect.objectContaining({ kind, eventKey: `${chatId}:5`, sentAt: '2025-10-09T08:53:20.000Z' }),
    });
    if (decision.kind === 'accept') expect(decision.message).not.toHaveProperty('text');
  });

  it('ignores service messages', () => {
    expect(convertTelegramUpdate(messageWith({ pinned_message: { message_id: 1, date: 0, chat: { id: chatId, type: 'private' } } }), now)).toEqual({
      kind: 'ignore',
      reason: 'service-message',
    });
  });

  it('ignores callback queries without a chat message or without data', () => {
    const inline = makeCallbackUpdate({ chatId, data: 'x' });
    const { message: _message, ...query } = inline.callback_query;
    expect(convertTelegramUpdate({ update_id: 1, callback_query: { ...query, inline_message_id: 'im-1' } }, now)).toEqual({ kind: 'ignore', reason: 'not-private' });
    const { data: _data, ...game } = inline.callback_query;
    expect(convertTelegramUpdate({ update_id: 2, callback_query: { ...game, game_short_name: 'g' } }, now)).toEqual({ kind: 'ignore', reason: 'no-callback-data' });
  });

  it('answers the callback query of a choice and stamps it with the time it arrived', () => {
    const decision = convertTelegramUpdate(makeCallbackUpdate({ chatId, data: 'mood:2', callbackQueryId: 'q1' }), now);
    expect(decision).toMatchObject({ kind: 'accept', callbackQueryId: 'q1', message: { kind: 'choice', choice: 'mood:2', sentAt: now.toISOString() } });
  });
});

describe('isTelegramUpdate', () => {
  it('takes updates of any kind with an update_id, and refuses broken ones', () => {
    expect(isTelegramUpdate(makeTextUpdate({ chatId, text: 'hi' }))).toBe(true);
    expect(isTelegramUpdate({ update_id: 1, chat_boost: {} })).toBe(true);
    expect(isTelegramUpdate({ update_id: '1' })).toBe(false);
    expect(isTelegramUpdate({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 'x', type: 'private' } } })).toBe(false);
    expect(isTelegramUpdate({ update_id: 1, callback_query: { id: 'q', data: 'x' } })).toBe(false);
    expect(isTelegramUpdate(null)).toBe(false);
  });
});
