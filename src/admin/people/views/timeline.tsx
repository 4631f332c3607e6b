import type { FC } from 'hono/jsx';
import type { Translate } from '../../i18n/index.js';
import { categoryLabel, levelLabel, outcomeLabel, statusLabel } from '../../i18n/labels.js';
import { LevelBadge } from '../../escalations/views/deadline.js';
import { localTime } from '../../views/time.js';
import { appointmentLabel, attendanceLabel, channelLabel, reliefProgramLabel, reliefStatusLabel } from '../labels.js';
import type { TimelineItem } from '../timeline-query.js';

function yesNo(t: Translate, value: boolean): string {
  return value ? t('people.yes') : t('people.no');
}

const Body: FC<{ t: Translate; item: TimelineItem }> = ({ t, item }) => {
  switch (item.kind) {
    case 'message': {
      const who = item.direction === 'OUTBOUND' ? t('people.timeline.bot') : item.family ? `${item.family.displayName} (${item.family.relation})` : t('people.timeline.participant');
      return (
        <>
          <span class="what">
            {t('people.timeline.message')} · {who} · {channelLabel(t, item.channel)}
          </span>
          <p class="msg">{item.text ?? t('people.timeline.noText', { kind: item.messageKind })}</p>
        </>
      );
    }
    case 'check-in':
      return (
        <>
          <span class="what">{t('people.timeline.checkIn')}</span>
          <p class="msg">
            {t('people.timeline.checkInValues', { mood: item.mood, craving: item.craving, used: yesNo(t, item.usedSinceLast) })}
            {item.doseTaken !== null ? ` · ${t('people.timeline.dose', { taken: yesNo(t, item.doseTaken) })}` : ''}
          </p>
          {item.note ? <p class="note">{item.note}</p> : null}
        </>
      );
    case 'appointment':
      return (
        <>
          <span class="what">
            {appointmentLabel(t, item.appointmentKind)}
            {item.title ? ` · ${item.title}` : ''}
          </span>
          <p class="msg">
            {item.appointmentStatus === 'CANCELLED' ? t('people.timeline.cancelled') : attendanceLabel(t, item.attendance)}
            {item.result ? ` · ${t('people.timeline.result', { result: item.result })}` : ''}
            {item.place ? ` · ${item.place}` : ''}
          </p>
        </>
      );
    case 'escalation':
      return (
        <>
          <span class="what">
            <a href={`/admin/escalations/${item.id}`}>{t('detail.title', { number: item.number })}</a> <LevelBadge level={item.level} label={levelLabel(t, item.level)} />
          </span>
          <p class="msg">
            {statusLabel(t, item.status)}
            {item.outcome ? ` · ${outcomeLabel(t, item.outcome)}` : ''} · {item.categories.map((c) => categoryLabel(t, c)).join(' · ')}
          </p>
        </>
      );
    case 'relief':
      return (
        <>
          <span class="what">{t('people.timeline.relief', { program: reliefProgramLabel(t, item.program) })}</span>
          <p class="msg">{reliefStatusLabel(t, item.status)}</p>
        </>
      );
  }
};

/** The person's history, newest first; `older` links to the next page. */
export const Timeline: FC<{ t: Translate; items: TimelineItem[]; timezone: string; older: string | null; newest: string | null }> = ({ t, items, timezone, older, newest }) => (
  <>
    {items.length === 0 ? (
      <p class="empty">{t('people.timeline.empty')}</p>
    ) : (
      <ol class="timeline" id="timeline">
        {items.map((item) => (
          <li class={`tl tl-${item.kind}`} data-kind={item.kind}>
            <time datetime={item.at.toISOString()}>{localTime(item.at, timezone)}</time>
            <Body t={t} item={item} />
          </li>
        ))}
      </ol>
    )}
    <nav class="pager">
      {newest ? <a href={newest}>← {t('people.timeline.newest')}</a> : <span></span>}
      {older ? (
        <a href={older} id="timeline-older">
          {t('people.timeline.older')} →
        </a>
      ) : (
        <span></span>
      )}
    </nav>
  </>
);
