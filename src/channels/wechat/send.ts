import type { Contact, Wechaty } from 'wechaty';
import type { SendResult, SendTarget } from '../channel.js';
import type { OutboundMessage } from '../../core/messages.js';
import type { Locale } from '../../i18n/index.js';
import { WECHAT_CAPABILITIES } from './options.js';
import { renderNumberedChoices, splitText } from './render.js';

type SendFailure = Extract<SendResult, { ok: false }>;

/** A puppet call that hangs this long is treated as a timeout (retried). */
const PUPPET_CALL_TIMEOUT_MS = 30_000;
const NOT_LOGGED_IN_RETRY_MS = 60_000;
/** gRPC status codes, as wechaty-puppet-service and GError carry them. */
const GRPC_INVALID_ARGUMENT = 3;
const GRPC_NOT_FOUND = 5;
const UNKNOWN_CONTACT = /not found|not exist|no payload|no this\.wechat4u\.contacts/i;

/** Sends one outbound message to a contact, split into parts WeChat accepts. */
export async function sendToContact(
  bot: Wechaty,
  target: SendTarget,
  message: OutboundMessage,
  locale: Locale | undefined,
): Promise<SendResult> {
  if (!bot.isLoggedIn) {
    return { ok: false, kind: 'retry', retryAfterMs: NOT_LOGGED_IN_RETRY_MS, reason: 'wechat account not logged in' };
  }
  let contact: Contact | undefined;
  try {
    // The puppet's own error says whether the contact is unknown; Contact.find() would swallow it.
    await withTimeout(bot.puppet.contactPayload(target.chatId));
    contact = await withTimeout(bot.Contact.find({ id: target.chatId }));
  } catch (error) {
    return classifyLookupError(error);
  }
  if (!contact) return { ok: false, kind: 'retry', reason: 'wechat contact could not be loaded' };

  const text = renderNumberedChoices(message.text, message.choices ?? [], locale);
  const parts = splitText(text, WECHAT_CAPABILITIES.maxTextLength);
  const platformMessageIds: string[] = [];
  for (const [index, part] of parts.entries()) {
    try {
      const sent = await withTimeout(contact.say(part));
      if (sent) platformMessageIds.push(sent.id);
    } catch (error) {
      const failure = classifySendError(error);
      return index === 0 ? failure : { ...failure, reason: `${failure.reason} (after ${index} of ${parts.length} parts)` };
    }
  }
  return { ok: true, platformMessageIds };
}

/**
 * Why a contact could not be loaded. The puppets say "unknown contact" in
 * their own words: mock "no payload found for id", wechat4u "no
 * this.wechat4u.contacts[id]" (its ids change at every login), a gateway gRPC
 * NOT_FOUND.
 */
export function classifyLookupError(error: unknown): SendFailure {
  const message = error instanceof Error ? error.message : '';
  if (errorCode(error) === GRPC_NOT_FOUND || UNKNOWN_CONTACT.test(message)) {
    return { ok: false, kind: 'unreachable', reason: 'wechat contact not found' };
  }
  return classifySendError(error);
}

/**
 * A failed send as an outcome: gRPC NOT_FOUND is an unknown contact,
 * INVALID_ARGUMENT a message that can never go, anything else (network, the
 * puppet gateway, timeouts, a logout under way) is worth another try. The
 * reason never quotes the error's message, which may carry text or session data.
 */
export function classifySendError(error: unknown): SendFailure {
  const code = errorCode(error);
  const name = error instanceof Error ? error.name : typeof error;
  if (code === GRPC_NOT_FOUND) return { ok: false, kind: 'unreachable', reason: 'wechat contact not found' };
  if (code === GRPC_INVALID_ARGUMENT) return { ok: false, kind: 'rejected', reason: 'wechat rejected the message' };
  return { ok: false, kind: 'retry', reason: `wechat puppet error (${name}${code === undefined ? '' : ` ${code}`})` };
}

function errorCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}

class PuppetTimeoutError extends Error {
  override name = 'PuppetTimeoutError';
}

async function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PuppetTimeoutError('puppet call timed out')), PUPPET_CALL_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
