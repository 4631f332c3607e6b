import { beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../../src/db/seed/demo.js';
import type { Responder } from '../../../src/pipeline/responder.js';
import { describeEachDatabase } from '../../support/database.js';
import { Chat, engineFor, linkSender, TestClock } from './harness.js';

describeEachDatabase('conversation engine: family flows', (db) => {
  const clock = new TestClock();
  let engine: Responder;
  const ids = { participant: '', family: '', caseworker: '' };
  let mother: Chat;

  beforeAll(async () => {
    const prisma = db().prisma;
    await seedDemo(prisma);
    const participant = await prisma.participant.findFirstOrThrow({ where: { track: 'ABSTINENT' }, include: { familyMembers: true } });
    ids.participant = participant.id;
    ids.family = participant.familyMembers[0]?.id ?? '';
    ids.caseworker = participant.caseworkerId ?? '';
    await linkSender(db(), { staffUserId: ids.caseworker });
    engine = engineFor(clock);
    mother = new Chat(db, engine, await linkSender(db(), { familyMemberId: ids.family }), clock);
  });

  it('shows the family menu; nothing of the participant’s answers by default', async () => {
    await mother.say('菜单');
    expect(mother.lastText()).toContain('王阿姨，你好');
    expect(mother.lastReply().choices?.map((c) => c.value)).toEqual([
      'f:support',
      'f:relapse',
      'f:overdose',
      'f:selfcare',
      'f:visit',
      'f:report',
      'm:hotlines',
      'm:lang',
      'm:help',
    ]);
    await mother.say('帮助');
    expect(mother.lastText()).toMatch(/怎样支持家人[\s\S]*120/);
  });

  it('gives the guides: support, relapse signs, overdose steps, self-care', async () => {
    await mother.tap('f:support');
    expect(mother.lastText()).toMatch(/怎样支持正在戒毒的家人[\s\S]*选对时机/);
    await mother.tap('f:relapse');
    expect(mother.lastText()).toMatch(/复吸的信号[\s\S]*报告担心的情况/);
    await mother.tap('f:overdose');
    expect(mother.lastText()).toMatch(/拨打急救电话 120[\s\S]*不要让他一个人待着[\s\S]*侧躺（复原卧位）[\s\S]*纳洛酮/);
    await mother.tap('f:selfcare');
    expect(mother.lastText()).toContain('照顾好自己');
    expect(mother.lastReply().choices?.[0]?.value).toBe('f:support');
  });

  it('explains visiting, then asks the caseworker with one tap', async () => {
    await mother.tap('f:visit');
    expect(mother.lastText()).toMatch(/探视[\s\S]*身份证[\s\S]*需要社工帮你了解/);
    await mother.tap(mother.choice(/请社工联系我/));
    expect(mother.lastText()).toContain('他们会联系你说明探视的安排');
    const task = await db().prisma.caseworkerTask.findFirstOrThrow({ where: { participantId: ids.participant, kind: 'OTHER' } });
    expect(task.staffUserId).toBe(ids.caseworker);
    expect(task.body).toContain('visiting');
  });

  it('triages a reported concern with the family as reporter, makes a task, and thanks them', async () => {
    await mother.tap('f:report');
    expect(mother.lastText()).toContain('请告诉我你担心的情况');
    const text = '他最近又和以前一起吸的人来往，晚上不回家，钱也不见了';
    const replies = await mother.say(text);
    expect(replies).toHaveLength(2);
    expect(replies[0]?.text).toContain('你的担心很重要');
    expect(replies[1]?.text).toContain('谢谢你告诉我们。社工已经收到');

    const assessment = await db().prisma.riskAssessment.findFirstOrThrow({ where: { familyMemberId: ids.family } });
    expect(assessment).toMatchObject({ speaker: 'FAMILY', participantId: ids.participant });
    expect(assessment.level).toBeGreaterThanOrEqual(2);
    const escalation = await db().prisma.escalation.findFirstOrThrow({ where: { participantId: ids.participant } });
    expect(JSON.stringify(escalation.excerpt)).toContain('"reporter":"family"');
    const task = await db().prisma.caseworkerTask.findFirstOrThrow({ where: { participantId: ids.participant, kind: 'MESSAGE' } });
    expect(task.body).toContain(text);
    expect(task.body).toContain('母亲');
  });

  it('does not triage twice when the pipeline already did', async () => {
    await mother.tap('f:report');
    const replies = await mother.say('他这几天好像又开始用了', { triageFirst: true });
    expect(replies.filter((r) => r.text.includes('你的担心很重要'))).toHaveLength(1);
    const message = await db().prisma.message.findFirstOrThrow({ where: { familyMemberId: ids.family, text: '他这几天好像又开始用了' } });
    expect(await db().prisma.riskAssessment.count({ where: { messageId: message.id } })).toBe(1);
    expect(await db().prisma.caseworkerTask.count({ where: { participantId: ids.participant, kind: 'MESSAGE' } })).toBe(2);
  });

  it('respects the sharing scope: none, appointments, appointments and check-ins', async () => {
    await db().prisma.checkIn.create({
      data: { participantId: ids.participant, mood: 2, craving: 6, usedSinceLast: true, note: '只想告诉社工的话', createdAt: clock.now() },
    });
    await mother.tap('f:updates');
    expect(mother.lastText()).toContain('王小军没有选择和家人分享');
    expect(mother.lastText()).not.toMatch(/心情|尿检/);

    await db().prisma.familyMember.update({ where: { id: ids.family }, data: { sharingScope: 'APPOINTMENTS' } });
    await mother.say('菜单');
    expect(mother.lastReply().choices?.map((c) => c.label)).toContain('王小军的近况');
    await mother.tap('f:updates');
    expect(mother.lastText()).toMatch(/王小军接下来的安排：[\s\S]*尿检/);
    expect(mother.lastText()).not.toContain('心情');
    expect(mother.lastReply().choices?.some((c) => c.value.startsWith('ap:'))).toBe(false);

    await db().prisma.familyMember.update({ where: { id: ids.family }, data: { sharingScope: 'APPOINTMENTS_AND_CHECKINS' } });
    await mother.tap('f:updates');
    expect(mother.lastText()).toContain('心情 2/5，心瘾 6/10');
    expect(mother.lastText()).not.toContain('只想告诉社工的话');
    expect(mother.lastText()).not.toMatch(/用过|使用/);
    await db().prisma.familyMember.update({ where: { id: ids.family }, data: { sharingScope: 'NONE' } });
  });

  it('keeps participant-only items away from family members', async () => {
    await mother.tap('m:checkin');
    expect(mother.lastText()).toContain('这个功能不在你的菜单里');
    expect(mother.lastReply().choices?.[0]?.value).toBe('f:support');
    expect(await db().prisma.checkIn.count({ where: { participantId: ids.participant } })).toBe(1);
    await mother.tap('rp:TEMPORARY_RELIEF');
    expect(mother.lastText()).toContain('这个功能不在你的菜单里');
    await mother.say('联系社工'); // what she most likely means: tell the caseworker something
    expect(mother.lastText()).toContain('请告诉我你担心的情况');
    await mother.say('菜单');
  });

  it('gives family hotlines first, and answers free text from the family guides', async () => {
    await mother.say('热线');
    expect(mother.lastReply().choices?.[0]?.value).toBe('hl:family');
    await mother.say('1');
    expect(mother.lastText()).toMatch(/家属可以拨打[\s\S]*12356/);

    await mother.say('怎么跟他沟通才不会吵架');
    expect(mother.lastText()).toContain('怎样支持正在戒毒的家人');
    await mother.say('探视要带什么');
    expect(mother.lastText()).toContain('探视在强制隔离戒毒所的家人');
    await mother.say('今天天气不错');
    expect(mother.lastText()).toContain('报告担心的情况');
  });

  it('switches a family member’s language, and the guides follow', async () => {
    await mother.say('语言');
    await mother.say('English');
    expect((await db().prisma.familyMember.findUniqueOrThrow({ where: { id: ids.family } })).locale).toBe('en');
    await mother.tap('f:overdose');
    expect(mother.lastText()).toMatch(/emergency number 120[\s\S]*recovery position[\s\S]*naloxone/);
    await mother.tap('f:report');
    expect(mother.lastText()).toContain('Please tell me what worries you');
    await mother.say('menu');
    expect(mother.lastReply().choices?.[0]?.label).toBe('How to support them');
  });
});
