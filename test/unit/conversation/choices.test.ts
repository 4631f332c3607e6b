import { describe, expect, it } from 'vitest';
import { APPOINTMENT, MAX_CHOICES, mergeChoices, parseAppointmentChoice, parseHotlineChoice, parseReliefProgramChoice } from '../../../src/conversation/choices.js';
import { PRESCREEN, prescreenResult } from '../../../src/conversation/flows/relief-questions.js';
import { localeFromChoice, localeFromText } from '../../../src/conversation/flows/language.js';
import { situationFromText } from '../../../src/conversation/flows/hotlines.js';

describe('choice values', () => {
  it('round-trips appointment choices and stays under 64 bytes', () => {
    const id = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
    expect(parseAppointmentChoice(APPOINTMENT.confirm(id))).toEqual({ action: 'confirm', appointmentId: id });
    expect(parseAppointmentChoice(APPOINTMENT.reschedule(id))).toEqual({ action: 'reschedule', appointmentId: id });
    expect(Buffer.byteLength(APPOINTMENT.reschedule(id))).toBeLessThan(64);
    expect(parseAppointmentChoice('ap:x:123')).toBeUndefined();
    // The scheduler's reminder buttons.
    expect(parseAppointmentChoice(`appt:ok:${id}`)).toEqual({ action: 'confirm', appointmentId: id });
    expect(parseAppointmentChoice(`appt:move:${id}`)).toEqual({ action: 'reschedule', appointmentId: id });
  });

  it('parses hotline, relief and language choices', () => {
    expect(parseHotlineChoice('hl:drug')).toBe('drug');
    expect(parseHotlineChoice('hl:pizza')).toBeUndefined();
    expect(parseReliefProgramChoice('rp:MEDICAL_ASSISTANCE')).toBe('MEDICAL_ASSISTANCE');
    expect(parseReliefProgramChoice('rp:LOTTERY')).toBeUndefined();
    expect(localeFromChoice('lang:zh-TW')).toBe('zh-TW');
    expect(localeFromChoice('lang:fr')).toBeUndefined();
  });

  it('merges lists without repeats, up to the cap', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ label: `${i}`, value: `v${i}` }));
    expect(mergeChoices(many)).toHaveLength(MAX_CHOICES);
    expect(mergeChoices([{ label: 'a', value: 'x' }], [{ label: 'b', value: 'x' }])).toEqual([{ label: 'a', value: 'x' }]);
  });

  it('reads a language or a situation from words', () => {
    expect(localeFromText('English')).toBe('en');
    expect(localeFromText('繁體中文')).toBe('zh-TW');
    expect(localeFromText('简体')).toBe('zh-CN');
    expect(localeFromText('Deutsch')).toBeUndefined();
    expect(situationFromText('我想不开')).toBe('crisis');
    expect(situationFromText('家属')).toBe('family');
    expect(situationFromText('???')).toBeUndefined();
  });
});

describe('relief pre-screen', () => {
  it('asks two or three questions per programme', () => {
    for (const questions of Object.values(PRESCREEN)) {
      expect(questions.length).toBeGreaterThanOrEqual(2);
      expect(questions.length).toBeLessThanOrEqual(3);
    }
  });

  it('says "likely" only when every answer fits, never "no"', () => {
    expect(prescreenResult('TEMPORARY_RELIEF', { sudden: true, basicNeeds: true, noOtherHelp: true })).toBe('likely');
    expect(prescreenResult('TEMPORARY_RELIEF', { sudden: true, basicNeeds: false, noOtherHelp: true })).toBe('unsure');
    expect(prescreenResult('TEMPORARY_RELIEF', {})).toBe('unsure');
  });
});
