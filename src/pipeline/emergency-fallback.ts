import type { ClaimedEvent } from '../inbox/inbound-event.js';
import { DEFAULT_LOCALE, t } from '../i18n/index.js';
import { enqueueOutbound, PRIORITY } from '../outbox/enqueue.js';
import { assessText } from '../risk/index.js';
import type { PipelineOptions } from './handle-inbound.js';
import { resolveSender } from './resolve-sender.js';
import { safeReply } from '../triage/safe-reply.js';

/**
 * Processing failed. If the message is worrying, its safe reply must not
 * wait for the retry: store it on its own (same dedupe key as the normal
 * path, so it goes once), or, if the database is unusable, send a fixed
 * template straight through the channel.
 */
export async function emergencyFallback(options: PipelineOptions, event: ClaimedEvent, cause: unknown): Promise<void> {
  const { message } = event;
  if (message.kind !== 'text' || !message.text) return;
  let level: number;
  try {
    level = assessText(message.text).level;
  } catch {
    level = 3; // the rules themselves failed: answer as if it were serious
  }
  if (level < 2) return;
  options.log.error({ err: cause, eventId: event.id, level }, 'processing failed for a worrying message; sending the safe reply on the fallback path');
  try {
    await options.db.prisma.$transaction(async (tx) => {
      const sender = await resolveSender(tx, message.channel, message.externalUserId);
      if (!sender || sender.person.kind === 'staff') return;
      const risk = assessText(message.text ?? '', { speaker: sender.person.kind === 'family' ? 'family' : 'participant' });
      const reply = await safeReply(tx, risk, sender.person);
      if (!reply) return;
      await enqueueOutbound(
        tx,
        [
          {
            identityId: sender.identityId,
            channel: sender.channel,
            message: reply,
            priority: PRIORITY.crisis,
            isReply: true,
            dedupeKey: `safe:${event.id}`,
          },
        ],
        options.clock.now(),
      );
    });
    options.onOutboxChanged();
  } catch (storeError) {
    options.log.error({ err: storeError, eventId: event.id }, 'could not store the safe reply; sending it directly');
    const adapter = options.channels.get(message.channel);
    await adapter
      ?.send(
        { chatId: message.chatId, externalUserId: message.externalUserId, idempotencyKey: `safe:${event.id}`, direct: true },
        { text: t(DEFAULT_LOCALE, 'crisis.high', { emergency: '120', hotlines: '☎ 12356' }) },
      )
      .catch((sendError: unknown) => options.log.error({ err: sendError }, 'direct safe reply failed'));
  }
}
