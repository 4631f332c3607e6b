import { DateTime } from 'luxon';
import type { Prisma } from '../generated/prisma/client.js';
import { asLocale, t, type MessageKey } from '../i18n/index.js';
import { enqueueOutbound, PRIORITY } from '../outbox/enqueue.js';
import type { Recipient } from './recipients.js';

export interface AlertContent {
  escalationId: string;
  number: number;
  level: number;
  categories: string[];
  pseudonym: string;
  /** The triggering text; left out for staff in privacy mode. */
  triggerText: string | null;
  deadline: Date;
  timezone: string;
  tier: number;
  consoleUrl: string | undefined;
}

const LEVEL_KEY: Record<number, MessageKey> = { 4: 'risk.level4', 3: 'risk.level3', 2: 'risk.level2' };

/** Alerts every recipient on each of their linked chat accounts, with an ACK button. */
export async function enqueueAlerts(
  tx: Prisma.TransactionClient,
  recipients: Recipient[],
  content: AlertContent,
  now: Date,
): Promise<number> {
  const items = recipients.flatMap((recipient) => {
    const locale = asLocale(recipient.locale);
    const detail = [
      recipient.privacyMode || !content.triggerText ? t(locale, 'staff.alertSummaryOnly') : `“${content.triggerText}”`,
      content.tier > 0 ? t(locale, 'staff.alertEscalated') : '',
    ]
      .filter(Boolean)
      .join('\n');
    const text = t(locale, 'staff.alert', {
      levelName: t(locale, LEVEL_KEY[content.level] ?? 'risk.level2'),
      number: content.number,
      pseudonym: content.pseudonym,
      categories: content.categories.join(', '),
      detail,
      deadline: DateTime.fromJSDate(content.deadline).setZone(content.timezone).toFormat('MM-dd HH:mm'),
      link: content.consoleUrl ? `${content.consoleUrl}/admin/escalations/${content.escalationId}` : '',
    }).trim();
    return recipient.identities.map((identity) => ({
      identityId: identity.id,
      channel: identity.channel,
      message: { text, choices: [{ label: `ACK ${content.number}`, value: `ack:${content.number}` }] },
      priority: content.level >= 3 ? PRIORITY.crisis : PRIORITY.alert,
      // Alerts are operational: they go out in quiet hours like replies.
      isReply: true,
      dedupeKey: `alert:${content.escalationId}:${content.tier}:${content.level}:${identity.id}`,
    }));
  });
  await enqueueOutbound(tx, items, now);
  return items.length;
}
