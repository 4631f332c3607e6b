/**
 * Scheduler texts, Simplified Chinese: the reference catalog. zh-TW and en
 * must have every key with the same {placeholders}
 * (test/unit/scheduler/catalogs.test.ts checks it).
 * Voice: respectful, warm, never judging (不放弃、不抛弃、不嫌弃).
 * Staff texts on chat apps name people by pseudonym only.
 */
export const zhCN = {
  // ── Check-ins ─────────────────────────────────────────────────────────
  'checkIn.reminder': '{name}，你好。到签到的时间了：花一分钟说说今天的心情和状态吧。',
  'checkIn.start': '开始签到',
  'checkIn.followUp': '{name}，有空的时候签个到就好，不着急。今天如果不太顺利，也可以直接和我说说。',

  // ── Appointments ──────────────────────────────────────────────────────
  'appt.reminder': '提醒：{what}\n时间：{when}{placeLine}\n\n能按时来吗？点“确认”；时间不合适，点“需要改期”，社工会和你商量。',
  'appt.placeLine': '\n地点：{place}',
  'appt.withTopic': '{kind}（{topic}）',
  'appt.confirm': '确认',
  'appt.move': '需要改期',
  'appt.kind.URINE_TEST': '尿检',
  'appt.kind.HAIR_TEST': '毛发检测',
  'appt.kind.CLASS': '集中教育课',
  'appt.kind.METHADONE_DOSE': '美沙酮服药',
  'appt.kind.CASEWORKER_VISIT': '社工走访',
  'appt.kind.OTHER': '预约',

  // ── Dates ─────────────────────────────────────────────────────────────
  'fmt.today': '今天',
  'fmt.tomorrow': '明天',
  /** A luxon format string. */
  'fmt.date': 'M月d日（ccc）',
  'fmt.time': 'HH:mm',
  'fmt.when': '{date} {time}',

  // ── Signals quoted in staff alerts ────────────────────────────────────
  'signal.missedCheckIns': '连续 {count} 次没有回应签到提醒',
  'signal.missedTest': '没有参加{kind}（{when}）',

  // ── Caseworker digest ─────────────────────────────────────────────────
  'digest.title': '早上好，{name}。今天（{date}）的工作提要：',
  'digest.appointments': '今天的安排（{count}）：',
  'digest.appointmentLine': '· {time} {what} · {who}',
  'digest.people': '{count} 人',
  'digest.missedCheckIns': '没有签到（{count}）：',
  'digest.missedLine': '· {pseudonym}：连续 {streak} 次',
  'digest.escalations': '未处理的预警（{count}）：',
  'digest.escalationLine': '· #{number} {pseudonym} · 等级 {level} · {status}',
  'digest.status.OPEN': '待确认',
  'digest.status.ACKNOWLEDGED': '已确认，待处理',
  'digest.relief': '等待处理的救助申请：{count}',
  'digest.mustVisit': '三必访：',
  'digest.birthdays': '· 本周生日：{list}',
  'digest.sensitive': '· 敏感时期：{list}',
  'digest.birthdayItem': '{pseudonym}（{date}）',
  'digest.separator': '、',
  'digest.familyChanges': '· 家庭变故：{list}',
  'digest.nothing': '今天没有需要特别处理的事项。',
  'digest.more': '· ……另有 {count} 项',
  'digest.console': '详情请在后台查看：{link}',

  // ── Broadcasts ────────────────────────────────────────────────────────
  'broadcast.text': '【{station}】\n{body}',
} as const;

export type SchedulerKey = keyof typeof zhCN;
