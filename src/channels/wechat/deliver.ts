import { setTimeout as sleep } from 'node:timers/promises';
import type { InboundSink } from '../channel.js';
import type { InboundMessage } from '../../core/messages.js';
import type { Logger } from '../../log/logger.js';

/**
 * Hands a message to the inbox. WeChat never redelivers, so a failed store is
 * tried again a few times before the message is given up (and logged).
 * Returns whether the inbox has it.
 */
export async function deliverInbound(
  sink: InboundSink,
  message: InboundMessage,
  retryDelaysMs: readonly number[],
  log: Logger,
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await sink.accept(message);
      log.debug({ eventKey: message.eventKey, kind: message.kind, result }, 'wechat message handed to the inbox');
      return true;
    } catch (error) {
      // Database errors can quote the row they failed to write: log the type only.
      const failure = { eventKey: message.eventKey, attempt: attempt + 1, errorType: errorType(error) };
      const delay = retryDelaysMs[attempt];
      if (delay === undefined) {
        log.error(failure, 'wechat message lost: the inbox could not store it');
        return false;
      }
      log.warn(failure, 'wechat message not stored yet; trying again');
      await sleep(delay);
    }
  }
}

function errorType(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
