import { DateTime } from 'luxon';
import { beforeAll, expect, it } from 'vitest';
import { beginCheckIn, type FreeTextAnswerer } from '../../../src/conversation/index.js';
import { seedDemo } from '../../../src/db/seed/demo.js';
import type { Prisma } from '../../../src/generated/prisma/client.js';
import type { Responder } from '../../../src/pipeline/responder.js';
import { CONTACT_CASEWORKER } from '../../../src/triage/safe-reply.js';
import { describeEachDatabase } from '../../support/database.js';
import { Chat, engineFor, linkSender, TestClock } from './harness.js';

const ZONE = 'Asia/Shanghai';

function payloadText(payload: Prisma.JsonValue): string {
  return (payload as { text?: string }).text ?? '';
}

describeEachDatabase('conversation engine: participant flows', (db) => {
  const clock = new TestClock();
  let engine: Responder;
  const ids = { abstinent: '', dependent: '', methadone: '', caseworker: '', caseworkerIdentity: '' };
  let wang: Chat;
  let liu: Chat;
  let zhao: Chat;

  beforeAll(async () => {
    const prisma = db().prisma;
    await seedDemo(prisma);
    const people = await prisma.participant.findMany();
    const byTrack = (track: string) => people.find((p) => p.track === track)?.id ?? '';
    ids.abstinent = byTrack('ABSTINENT');
    ids.dependent = byTrack('DEPENDENT');
    ids.methadone = byTrack('METHADONE');
    ids.caseworker = people[0]?.caseworkerId ?? '';
    const staffIdentity = await linkSender(db(), { staffUserId: ids.caseworker });
    ids.caseworkerIdentity = staffIdentity.identityId;
    engine = engineFor(clock);
    wang = new Chat(db, engine, await linkSender(db(), { participantId: ids.abstinent }), clock);
    liu = new Chat(db, engine, await linkSender(db(), { participantId: ids.dependent }), clock);
    zhao = new Chat(db, engine, await linkSender(db(), { participantId: ids.methadone }), clock);
  });

  async function stateOf(chat: Chat) {
    return db().prisma.conversationState.findUnique({ where: { ownerKey: `participant:${chat.sender.person.id}` } });
  }

  it('shows the menu with every item, and help', async () => {
    const [menu] = await wang.say('菜单');
    expect(menu?.text).toContain('王小军，你好');
    expect(menu?.choices?.map((c) => c.value)).toEqual(['m:checkin', 'm:appts', 'm:hotlines', 'm:relief', 'm:contact', 'm:lang', 'm:help']);
    expect(menu?.choices?.map((c) => c.label)).toEqual(['签到', '我的安排', '求助热线', '救助申请', '联系社工', '语言 Language', '帮助']);

    await wang.say('帮助');
    expect(wang.lastText()).toMatch(/“菜单”[\s\S]*“语言”[\s\S]*“退订”[\s\S]*120/);
    expect(wang.lastReply().choices?.[0]?.value).toBe('m:checkin');
  });

  it('checks in: stores the answers, counts days in recovery and encourages without judging', async () => {
    await wang.tap('m:checkin');
    expect(wang.lastText()).toMatch(/签到[\s\S]*心情怎么样/);
    expect(wang.lastReply().choices?.slice(0, 5).map((c) => c.value)).toEqual(['ci:m:1', 'ci:m:2', 'ci:m:3', 'ci:m:4', 'ci:m:5']);
    await wang.say('4'); // a typed number picks the offered choice
    expect(wang.lastText()).toContain('心瘾');
    await wang.tap('ci:c:2');
    expect(wang.lastText()).toContain('有没有用过');
    await wang.say('没有');
    expect(wang.lastText()).toContain('还有什么想说的');
    await wang.say('今天去跑步了');

    const checkIn = await db().prisma.checkIn.findFirstOrThrow({ where: { participantId: ids.abstinent } });
    expect(checkIn).toMatchObject({ mood: 4, craving: 2, usedSinceLast: false, doseTaken: null, note: '今天去跑步了' });
    const days = Math.round(
      DateTime.fromJSDate(clock.now()).setZone(ZONE).startOf('day').diff(DateTime.fromISO('2025-06-18', { zone: ZONE }), 'days').days,
    );
    expect(wang.lastText()).toContain(`谢谢你签到，王小军。`);
    expect(wang.lastText()).toContain(`你已经保持操守 ${days} 天了。`);
    expect(wang.lastText()).toContain('状态不错');
    expect(wang.transcript.at(-1)).toHaveLength(1);
    expect(await db().prisma.escalation.count({ where: { participantId: ids.abstinent } })).toBe(0);
    const assessment = await db().prisma.riskAssessment.findFirstOrThrow({ where: { participantId: ids.abstinent } });
    expect(assessment).toMatchObject({ level: 0, source: 'signals' });
    expect((await stateOf(wang))?.flow).toBeNull();
  });

  it('answers unexpected input with a short note and the question again; numbers and global commands work mid-flow', async () => {
    await wang.say('签到');
    await wang.say('不知道');
    expect(wang.lastText()).toMatch(/请选 1 到 5 中的一个数字。[\s\S]*心情怎么样/);
    expect(wang.lastReply().choices?.[0]?.value).toBe('ci:m:1');
    await wang.say('9');
    expect(wang.lastText()).toContain('请选 1 到 5');
    await wang.say('三');
    expect(wang.lastText()).toContain('心瘾');
    await wang.say('很多');
    expect(wang.lastText()).toMatch(/请回复 0 到 10 中的一个数字。[\s\S]*心瘾/);
    expect((await stateOf(wang))?.step).toBe('craving');

    await wang.say('帮助');
    expect(wang.lastText()).toContain('我可以帮你');
    expect((await stateOf(wang))?.flow).toBeNull();

    await wang.say('菜单');
    await wang.say('2'); // the second menu item: my appointments
    expect(wang.lastText()).toContain('你接下来的安排');
    expect(await db().prisma.checkIn.count({ where: { participantId: ids.abstinent } })).toBe(1);
  });

  it('a high craving opens an escalation, and the safe reply comes first', async () => {
    await liu.tap('m:checkin');
    await liu.tap('ci:m:2');
    await liu.say('8');
    await liu.tap('ci:u:n');
    const replies = await liu.tap('ci:n:skip');
    expect(replies).toHaveLength(2);
    expect(replies[0]?.text).toContain('谢谢你愿意说出来');
    expect(replies[0]?.choices?.[0]?.value).toBe(CONTACT_CASEWORKER);
    expect(replies[1]?.text).toMatch(/谢谢你签到，刘强。[\s\S]*心瘾很强的时候/);
    // The contact offer comes again last, before the menu.
    expect(replies[1]?.choices?.[0]?.value).toBe(CONTACT_CASEWORKER);

    const escalation = await db().prisma.escalation.findFirstOrThrow({ where: { participantId: ids.dependent } });
    expect(escalation.level).toBe(2);
    expect(escalation.status).toBe('OPEN');
    expect(escalation.categories).toContain('craving');
    expect(escalation.assignedToId).toBe(ids.caseworker);
    const excerpt = JSON.stringify(escalation.excerpt);
    expect(excerpt).toContain('心瘾 8/10');
    const alert = await db().prisma.outboxMessage.findFirst({ where: { identityId: ids.caseworkerIdentity, payload: { path: ['text'], string_contains: `#${escalation.number}` } } });
    expect(alert).not.toBeNull();
  });

  it('a reported use restarts the count, with words that do not judge', async () => {
    await liu.tap('m:checkin');
    await liu.tap('ci:m:3');
    await liu.tap('ci:c:5');
    await liu.say('用过');
    await liu.say('跳过');
    const checkIn = await db().prisma.checkIn.findFirstOrThrow({ where: { participantId: ids.dependent }, orderBy: { createdAt: 'desc' } });
    expect(checkIn.usedSinceLast).toBe(true);
    expect(checkIn.note).toBeNull();
    expect(liu.lastText()).toContain('今天就是重新开始的第一天');
    expect(liu.lastText()).toContain('用了一次不代表前面的努力白费');
    expect(liu.lastText()).not.toMatch(/保持操守 \d+ 天/);
    // One escalation for the person, not one per check-in.
    expect(await db().prisma.escalation.count({ where: { participantId: ids.dependent } })).toBe(1);

    clock.advance(3 * 86_400_000);
    await liu.tap('m:checkin');
    await liu.tap('ci:m:4');
    await liu.tap('ci:c:1');
    await liu.tap('ci:u:n');
    await liu.tap('ci:n:skip');
    expect(liu.lastText()).toContain('你已经保持操守 3 天了。');
    clock.advance(-3 * 86_400_000);
  });

  it('on the methadone track asks about today’s dose; a missed dose is a signal', async () => {
    await zhao.tap('m:checkin');
    await zhao.tap('ci:m:3');
    await zhao.tap('ci:c:1');
    await zhao.tap('ci:u:n');
    expect(zhao.lastText()).toContain('今天的美沙酮服了吗');
    await zhao.say('还没');
    await zhao.tap('ci:n:skip');
    const checkIn = await db().prisma.checkIn.findFirstOrThrow({ where: { participantId: ids.methadone } });
    expect(checkIn.doseTaken).toBe(false);
    const replies = zhao.transcript.at(-1) ?? [];
    expect(replies[0]?.text).toContain('谢谢你愿意说出来');
    expect(replies[1]?.text).toContain('能去门诊就尽量去');
    const escalation = await db().prisma.escalation.findFirstOrThrow({ where: { participantId: ids.methadone } });
    expect(escalation.categories).toContain('dropout');
  });

  it('lists appointments in the station’s timezone; confirm and reschedule take one tap', async () => {
    const urine = await db().prisma.appointment.findFirstOrThrow({ where: { kind: 'URINE_TEST', attendees: { some: { participantId: ids.abstinent } } } });
    await wang.tap('m:appts');
    const local = DateTime.fromJSDate(urine.startsAt).setZone(ZONE).setLocale('zh-CN');
    expect(wang.lastText()).toContain(`${local.toFormat('M月d日（ccc）')} 10:00 尿检`);
    expect(wang.lastText()).toContain('地点：示范指导站 尿检室');
    expect(wang.lastText()).toContain('集中教育课');
    const numberOf = (kind: string) => /(\d)\. [^\n]*/.exec(wang.lastText().split('\n').find((line) => line.includes(kind)) ?? '')?.[1];
    const urineNo = numberOf('尿检');
    const classNo = numberOf('集中教育课');
    await wang.tap(wang.choice(new RegExp(`^确认 ${urineNo}$`)));
    const confirmed = await db().prisma.appointmentAttendee.findUniqueOrThrow({
      where: { appointmentId_participantId: { appointmentId: urine.id, participantId: ids.abstinent } },
    });
    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.respondedAt?.getTime()).toBe(clock.now().getTime());
    expect(wang.lastText()).toMatch(/已确认：.*10:00 尿检/);

    await wang.tap('m:appts');
    expect(wang.lastText()).toContain('尿检（已确认）');
    await wang.tap(wang.choice(new RegExp(`^改期 ${urineNo}$`)));
    expect(wang.lastText()).toContain('已经请社工帮你改期');
    const task = await db().prisma.caseworkerTask.findFirstOrThrow({ where: { kind: 'RESCHEDULE', participantId: ids.abstinent } });
    expect(task).toMatchObject({ appointmentId: urine.id, staffUserId: ids.caseworker });
    const notice = await db().prisma.outboxMessage.findFirst({ where: { identityId: ids.caseworkerIdentity, payload: { path: ['text'], string_contains: '申请改期' } } });
    expect(notice).not.toBeNull();
    const rescheduled = await db().prisma.appointmentAttendee.findUniqueOrThrow({
      where: { appointmentId_participantId: { appointmentId: urine.id, participantId: ids.abstinent } },
    });
    expect(rescheduled.status).toBe('RESCHEDULE_REQUESTED');

    // Tapping the old button again changes nothing twice.
    await wang.tap(`ap:r:${urine.id}`);
    expect(wang.lastText()).toContain('已经申请过改期');
    expect(await db().prisma.caseworkerTask.count({ where: { kind: 'RESCHEDULE', participantId: ids.abstinent } })).toBe(1);

    // Typed answers work too.
    await wang.tap('m:appts');
    await wang.say(`确认 ${classNo}`);
    expect(wang.lastText()).toMatch(/已确认：.*集中教育课/);
  });

  it('collapses daily methadone doses to the next one', async () => {
    await zhao.tap('m:appts');
    expect(zhao.lastText().match(/美沙酮服药/g)).toHaveLength(1);
    expect(zhao.lastText()).toContain('（每天）');
  });

  it('answers the scheduler’s reminder buttons for an appointment', async () => {
    const visit = await db().prisma.appointment.findFirstOrThrow({ where: { kind: 'CASEWORKER_VISIT' } });
    await zhao.tap(`appt:ok:${visit.id}`);
    expect(zhao.lastText()).toMatch(/已确认：.*社工走访/);
    await zhao.tap(`appt:move:${visit.id}`);
    expect(zhao.lastText()).toContain('已经请社工帮你改期');
    expect(await db().prisma.caseworkerTask.count({ where: { kind: 'RESCHEDULE', appointmentId: visit.id } })).toBe(1);
  });

  it('gives hotlines by situation with the numbers written out', async () => {
    await wang.tap('m:hotlines');
    expect(wang.lastReply().choices?.slice(0, 4).map((c) => c.value)).toEqual(['hl:crisis', 'hl:psychological', 'hl:drug', 'hl:family']);
    await wang.say('什么意思');
    expect(wang.lastText()).toMatch(/请选一种情况[\s\S]*哪一种帮助/);
    await wang.say('1');
    expect(wang.lastText()).toMatch(/马上拨打[\s\S]*0734-0000000[\s\S]*12356[\s\S]*急救电话：120/);
    await wang.tap('hl:drug');
    expect(wang.lastText()).toContain('当地戒毒咨询：0734-0000001');
    await wang.tap('hl:family');
    expect(wang.lastText()).toContain('12356');
  });

  it('explains relief programmes, runs the pre-screen and asks the caseworker with the answers', async () => {
    await wang.tap('m:relief');
    expect(wang.lastText()).toMatch(/临时救助[\s\S]*最低生活保障（低保）[\s\S]*医疗救助[\s\S]*就业援助/);
    await wang.tap('rp:MINIMUM_LIVING');
    expect(wang.lastText()).toMatch(/谁可以申请[\s\S]*要准备[\s\S]*到哪里办/);
    expect(wang.lastText()).toContain('当地救助咨询电话：0734-0000002');
    await wang.tap('rl:go');
    expect(wang.lastText()).toMatch(/（1\/3）.*收入/);
    await wang.say('是');
    expect(wang.lastText()).toContain('（2/3）');
    await wang.say('可能吧？');
    expect(wang.lastText()).toMatch(/请回答“是”或“否”[\s\S]*（2\/3）/);
    await wang.tap('rl:y');
    await wang.tap('rl:n');
    expect(wang.lastText()).toMatch(/有些条件可能不太符合“低保”[\s\S]*要请社工帮你申请吗/);
    await wang.tap(wang.choice(/请社工帮我/));
    expect(wang.lastText()).toContain('已经告诉社工了');
    const request = await db().prisma.reliefRequest.findFirstOrThrow({ where: { participantId: ids.abstinent } });
    expect(request).toMatchObject({ program: 'MINIMUM_LIVING', status: 'NEW', answers: { lowIncome: true, noMajorAssets: true, localHukou: false } });

    // Asking again for the same programme does not make a second request.
    await wang.tap('rp:MINIMUM_LIVING');
    await wang.tap('rl:go');
    await wang.tap('rl:y');
    await wang.tap('rl:y');
    await wang.tap('rl:y');
    expect(wang.lastText()).toContain('值得试着申请');
    await wang.say('好的');
    expect(wang.lastText()).toContain('你已经申请过“低保”');
    expect(await db().prisma.reliefRequest.count({ where: { participantId: ids.abstinent } })).toBe(1);
  });

  it('forwards the next text to the caseworker', async () => {
    await wang.tap('m:contact');
    expect(wang.lastText()).toContain('社工 李芳');
    await wang.say('签到'); // in this step it is the message, not a menu word
    await wang.say('菜单');
    expect(await db().prisma.caseworkerTask.count({ where: { kind: 'MESSAGE', participantId: ids.abstinent } })).toBe(1);

    await wang.tap('m:contact');
    await wang.say('下周我要去外地打工，尿检怎么办？');
    expect(wang.lastText()).toContain('已经转给社工 李芳了');
    const task = await db().prisma.caseworkerTask.findFirstOrThrow({
      where: { kind: 'MESSAGE', participantId: ids.abstinent },
      orderBy: { createdAt: 'desc' },
    });
    expect(task).toMatchObject({ body: '下周我要去外地打工，尿检怎么办？', staffUserId: ids.caseworker });
    const notices = await db().prisma.outboxMessage.findMany({ where: { identityId: ids.caseworkerIdentity } });
    expect(notices.some((n) => payloadText(n.payload).includes('下周我要去外地打工'))).toBe(true);
    expect(notices.every((n) => !payloadText(n.payload).includes('王小军'))).toBe(true);
  });

  it('keeps the caseworker’s privacy mode: no personal text in the chat notice', async () => {
    await db().prisma.staffUser.update({ where: { id: ids.caseworker }, data: { alertPrivacyMode: true } });
    await liu.tap('m:contact');
    await liu.say('我有点私事想说');
    const notices = await db().prisma.outboxMessage.findMany({ where: { identityId: ids.caseworkerIdentity } });
    expect(notices.some((n) => payloadText(n.payload).includes('我有点私事想说'))).toBe(false);
    expect(notices.some((n) => payloadText(n.payload).includes('隐私模式'))).toBe(true);
    await db().prisma.staffUser.update({ where: { id: ids.caseworker }, data: { alertPrivacyMode: false } });
  });

  it('switches language, and later replies use it', async () => {
    await wang.tap('m:lang');
    expect(wang.lastReply().choices?.map((c) => c.value).slice(0, 3)).toEqual(['lang:zh-CN', 'lang:zh-TW', 'lang:en']);
    await wang.tap('lang:en');
    expect(wang.lastText()).toContain('in English from now on');
    expect(wang.lastReply().choices?.[0]?.label).toBe('Check in');
    expect((await db().prisma.participant.findUniqueOrThrow({ where: { id: ids.abstinent } })).locale).toBe('en');

    await wang.say('menu');
    expect(wang.lastText()).toContain('Hello 王小军');
    await wang.tap('m:checkin');
    expect(wang.lastText()).toContain('How is your mood today?');
    await wang.say('語言'); // a global command from inside the check-in
    await wang.say('繁體');
    expect(wang.lastText()).toContain('以後我用繁體中文和你聊');
    await wang.say('選單');
    expect(wang.lastReply().choices?.[0]?.label).toBe('簽到');
    await wang.tap('m:appts');
    expect(wang.lastText()).toMatch(/你接下來的安排[\s\S]*（週.）/);

    await wang.say('language');
    await wang.say('简体中文');
    expect(wang.lastText()).toContain('以后我用简体中文和你聊');
  });

  it('answers free text without a model from the FAQ and content, always with the menu', async () => {
    await wang.tap('m:appts');
    await wang.say('低保怎么申请'); // not an answer to the list: answered as a new message
    expect(wang.lastText()).toMatch(/最低生活保障[\s\S]*要准备/);
    expect(wang.lastReply().choices?.map((c) => c.value)).toEqual(expect.arrayContaining(['rp:MINIMUM_LIVING', 'm:checkin', 'm:contact']));

    await wang.say('最近老是睡不着怎么办');
    expect(wang.lastText()).toContain('睡不好怎么办');
    await wang.say('When is my next urine test?');
    expect(wang.lastText()).toContain('关于尿检和毛发检测');
    await wang.say('有没有可以打的热线电话');
    expect(wang.lastText()).toMatch(/12356/);
    await wang.say('你好');
    expect(wang.lastText()).toContain('王小军，你好！');
    await wang.say('abcdefg');
    expect(wang.lastText()).toContain('我还在学习');
    expect(wang.lastReply().choices?.map((c) => c.value)).toContain('m:contact');
  });

  it('prefers a station’s own content over the seed text', async () => {
    const station = await db().prisma.station.findFirstOrThrow();
    await db().prisma.contentEntry.create({
      data: { kind: 'FAQ', key: 'faq-sleep', locale: 'zh-CN', scope: `station:${station.id}`, stationId: station.id, title: '本站的睡眠建议', body: '每周三下午站里有放松训练。' },
    });
    await wang.say('睡不着');
    expect(wang.lastText()).toContain('每周三下午站里有放松训练');
  });

  it('uses the model answerer when there is one, and the rules when it fails or gives nothing', async () => {
    const seen: string[] = [];
    let mode: 'answer' | 'throw' | 'empty' = 'answer';
    const model: FreeTextAnswerer = {
      async answer(_tx, request) {
        seen.push(`${request.person.locale}:${request.text}:${request.history.length}`);
        if (mode === 'throw') throw new Error('model timed out');
        if (mode === 'empty') return undefined;
        return { text: '这是模型的回答。' };
      },
    };
    const chat = new Chat(db, engineFor(clock, model), wang.sender, clock);
    await chat.say('今天天气真好');
    expect(chat.lastText()).toBe('这是模型的回答。');
    expect(chat.lastReply().choices?.map((c) => c.value)).toContain('m:checkin');
    expect(seen[0]).toMatch(/^zh-CN:今天天气真好:\d+$/);
    expect(Number(seen[0]?.split(':')[2])).toBeGreaterThan(0);

    mode = 'throw';
    await chat.say('低保怎么申请');
    expect(chat.lastText()).toContain('最低生活保障');
    mode = 'empty';
    await chat.say('abcdefg');
    expect(chat.lastText()).toContain('我还在学习');
    // Flows never go to the model.
    await chat.tap('m:checkin');
    await chat.say('5');
    expect(seen).toHaveLength(3);
    await chat.say('菜单');
  });

  it('continues a check-in the scheduler started from a reminder, and marks the reminder answered', async () => {
    const reminder = await db().prisma.reminder.create({
      data: { kind: 'CHECK_IN', dedupeKey: `test-checkin-${Date.now()}`, participantId: ids.methadone, dueAt: clock.now(), windowEndsAt: new Date(clock.now().getTime() + 3600_000) },
    });
    const message = await db().prisma.$transaction((tx) => beginCheckIn(tx, zhao.sender.person, { now: clock.now(), reminderId: reminder.id }));
    expect(message.text).toContain('心情怎么样');
    expect(message.choices?.[0]?.value).toBe('ci:m:1');
    await zhao.say('5');
    await zhao.tap('ci:c:0');
    await zhao.say('no');
    await zhao.say('yes');
    await zhao.say('今天很好');
    const checkIn = await db().prisma.checkIn.findFirstOrThrow({ where: { participantId: ids.methadone, reminderId: reminder.id } });
    expect(checkIn).toMatchObject({ mood: 5, craving: 0, usedSinceLast: false, doseTaken: true, note: '今天很好' });
    expect((await db().prisma.reminder.findUniqueOrThrow({ where: { id: reminder.id } })).answeredAt).not.toBeNull();
  });

  it('keeps its state across engines (restarts), forgets a stale flow, and leaves the pipeline’s keys alone', async () => {
    await wang.tap('m:checkin');
    const key = `participant:${ids.abstinent}`;
    const before = await db().prisma.conversationState.findUniqueOrThrow({ where: { ownerKey: key } });
    const offered = [{ label: '签到', value: 'm:checkin' }];
    await db().prisma.conversationState.update({
      where: { ownerKey: key },
      data: { data: { ...(before.data as Prisma.JsonObject), _offeredChoices: offered } },
    });
    const restarted = new Chat(db, engineFor(clock), wang.sender, clock);
    await restarted.tap('ci:m:5');
    expect(restarted.lastText()).toContain('心瘾');
    const after = await db().prisma.conversationState.findUniqueOrThrow({ where: { ownerKey: key } });
    expect((after.data as Prisma.JsonObject)._offeredChoices).toEqual(offered);

    clock.advance(13 * 3600_000);
    await restarted.tap('ci:c:3');
    expect(restarted.lastText()).toContain('这个选项已经过期了');
    expect(restarted.lastReply().choices?.[0]?.value).toBe('m:checkin');
    clock.advance(-13 * 3600_000);
  });
});
