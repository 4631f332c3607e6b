import { describe, expect, it } from 'vitest';
import { birthdayThisWeek, digestText, type Digest } from '../../../src/scheduler/digest.js';

const week = ['2027-02-22', '2027-02-23', '2027-02-24', '2027-02-25', '2027-02-26', '2027-02-27', '2027-02-28'];

describe('digest', () => {
  it('finds birthdays this week, 29 February on the 28th in other years', () => {
    expect(birthdayThisWeek(new Date('1988-02-29T00:00:00Z'), week)).toBe('2027-02-28');
    expect(birthdayThisWeek(new Date('1990-02-23T00:00:00Z'), week)).toBe('2027-02-23');
    expect(birthdayThisWeek(new Date('1990-03-01T00:00:00Z'), week)).toBeUndefined();
  });

  const person = { participantId: 'p1', pseudonym: 'P-7QK3A', displayName: '王小军', riskTier: 'MEDIUM' as const };
  const digest: Digest = {
    staffId: 's',
    staffName: '社工 李芳',
    locale: 'zh-CN',
    stationId: 'st',
    stationName: '示范指导站',
    timezone: 'Asia/Shanghai',
    date: '2027-02-23',
    appointments: [
      { id: 'a', kind: 'URINE_TEST', title: null, topic: null, startsAt: new Date('2027-02-23T01:30:00Z'), place: '尿检室', attendees: [{ ...person, status: 'INVITED' }] },
    ],
    missedCheckIns: [{ ...person, streak: 3, lastCheckInAt: null }],
    openEscalations: [],
    reliefRequests: [],
    mustVisit: { birthdays: [{ ...person, on: '2027-02-25' }], sensitivePeriods: [{ id: 'x', name: '春节', startsOn: '2027-02-01', endsOn: '2027-02-28' }], familyChanges: [{ ...person, familyChangeAt: new Date(), note: '父亲去世' }] },
  };

  it('names people by pseudonym only and keeps family-change notes out of chat', () => {
    const text = digestText(digest, 'https://tx.example.org');
    expect(text).toContain('09:30 尿检 · P-7QK3A');
    expect(text).toContain('P-7QK3A：连续 3 次');
    expect(text).toContain('本周生日：P-7QK3A（02-25）');
    expect(text).toContain('敏感时期：春节');
    expect(text).toContain('https://tx.example.org/admin');
    expect(text).not.toContain('王小军');
    expect(text).not.toContain('父亲去世');
  });

  it('says so when there is nothing', () => {
    const empty = { ...digest, appointments: [], missedCheckIns: [], mustVisit: { birthdays: [], sensitivePeriods: [], familyChanges: [] } };
    expect(digestText(empty, undefined)).toContain('今天没有需要特别处理的事项');
  });
});
