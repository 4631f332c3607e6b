import { describe, expect, it } from 'vitest';
import { checkModelReply } from '../../../src/llm/output-guard.js';

describe('checkModelReply', () => {
  it.each([
    '听起来你今天很辛苦。想聊聊是什么让心瘾变重的吗？也可以点菜单里的“联系社工”。',
    '坚持到今天不容易。先喝杯水，离开那个地方十五分钟，好吗？',
    "That sounds really hard. You're not alone: your caseworker can help, and you can call 12356.",
    '你的社工可以解释接下来的程序。',
    '这个月的救助是14600元吗？你的社工会帮你确认。',
  ])('lets a supportive reply through: %s', (reply) => {
    expect(checkModelReply(reply, { allowedNumbers: ['12356', '120'] })).toBeUndefined();
  });

  it.each([
    ['美沙酮的剂量可以自己加一点', 'dosing'],
    ['每次吃2片就够了', 'dosing'],
    ['you could take 40 mg', 'dosing'],
    ['the usual dosage is low', 'dosing'],
    ['你可以在哪里买到', 'obtaining'],
    ['哪里可以买', 'obtaining'],
    ['怎么买到货', 'obtaining'],
    ['Here is where to buy it safely', 'obtaining'],
    ['how to pass a urine test', 'obtaining'],
    ['the dark web is one option', 'obtaining'],
    ['你肯定会被强制隔离', 'legal'],
    ['放心，你不会被强戒', 'legal'],
    ["you'll be sent to compulsory isolation", 'legal'],
    ['我是真人，不是程序', 'human'],
    ["I'm a real human, trust me", 'human'],
    ['打这个电话：400-161-9995', 'phone-number'],
    ['call 1-800-123-4567', 'phone-number'],
  ])('drops %s (%s)', (reply, violation) => {
    expect(checkModelReply(reply, { allowedNumbers: ['12356'] })).toBe(violation);
  });

  it('allows the station’s numbers in any format', () => {
    expect(checkModelReply('请打 0734-812 3456', { allowedNumbers: ['07348123456'] })).toBeUndefined();
    expect(checkModelReply('请打 0734-812 3456')).toBe('phone-number');
  });
});
