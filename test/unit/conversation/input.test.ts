import { describe, expect, it } from 'vitest';
import { globalCommand, isSkip, menuShortcut, normalise, parseNumber, parseYesNo, resolveInput } from '../../../src/conversation/input.js';

describe('input', () => {
  it('normalises width, case, spaces and trailing punctuation', () => {
    expect(normalise('  ＭＥＮＵ！ ')).toBe('menu');
    expect(normalise('菜单。')).toBe('菜单');
    expect(normalise('Check   in?')).toBe('check in');
  });

  it.each([
    ['菜单', 'menu'],
    ['選單', 'menu'],
    ['MENU', 'menu'],
    ['帮助', 'help'],
    ['幫助', 'help'],
    ['help!', 'help'],
    ['语言', 'language'],
    ['語言', 'language'],
    ['Language', 'language'],
  ] as const)('%s is the global command %s', (text, command) => {
    expect(globalCommand(text)).toBe(command);
  });

  it('does not take longer text for a command', () => {
    expect(globalCommand('菜单在哪里')).toBeUndefined();
    expect(globalCommand('I need help with rent')).toBeUndefined();
  });

  it('turns a bare number into the offered choice, and leaves other text alone', () => {
    const offered = ['m:checkin', 'm:appts'];
    expect(resolveInput({ text: '2' }, offered)).toEqual({ kind: 'choice', value: 'm:appts' });
    expect(resolveInput({ text: '２。' }, offered)).toEqual({ kind: 'choice', value: 'm:appts' });
    expect(resolveInput({ text: '3' }, offered)).toEqual({ kind: 'text', text: '3' });
    expect(resolveInput({ text: '0' }, offered)).toEqual({ kind: 'text', text: '0' });
    expect(resolveInput({ text: '2 个' }, offered)).toEqual({ kind: 'text', text: '2 个' });
    expect(resolveInput({ choice: 'ci:m:3' }, offered)).toEqual({ kind: 'choice', value: 'ci:m:3' });
  });

  it.each([
    ['7', 7],
    ['７', 7],
    ['七', 7],
    ['十', 10],
    ['零', 0],
    ['8分', 8],
    ['大概 6 吧', 6],
    ['7/10', 7],
    ['about 3', 3],
  ] as const)('reads %s as %d', (text, value) => {
    expect(parseNumber(text, 0, 10)).toBe(value);
  });

  it('refuses numbers out of range or buried in sentences', () => {
    expect(parseNumber('11', 0, 10)).toBeUndefined();
    expect(parseNumber('0', 1, 5)).toBeUndefined();
    expect(parseNumber('我喝了3瓶', 0, 10)).toBeUndefined();
    expect(parseNumber('很多', 0, 10)).toBeUndefined();
  });

  it.each([
    ['是', true],
    ['有', true],
    ['用过', true],
    ['用了一次', true],
    ['服了', true],
    ['yes', true],
    ['Yeah', true],
    ['好的', true],
    ['没有', false],
    ['沒有', false],
    ['没用', false],
    ['还没', false],
    ['否', false],
    ['no', false],
    ['not yet', false],
    ["didn't", false],
  ] as const)('reads %s as %s', (text, value) => {
    expect(parseYesNo(text)).toBe(value);
  });

  it('does not guess on unclear answers', () => {
    expect(parseYesNo('不知道')).toBeUndefined();
    expect(parseYesNo('not sure')).toBeUndefined();
    expect(parseYesNo('可能吧')).toBeUndefined();
    expect(parseYesNo('')).toBeUndefined();
  });

  it('knows skip words', () => {
    expect(isSkip('跳过')).toBe(true);
    expect(isSkip('Skip')).toBe(true);
    expect(isSkip('没有了')).toBe(false);
    expect(isSkip('今天很累')).toBe(false);
  });

  it('maps typed menu labels in every language to menu items', () => {
    expect(menuShortcut('签到')).toBe('m:checkin');
    expect(menuShortcut('簽到')).toBe('m:checkin');
    expect(menuShortcut('Check in')).toBe('m:checkin');
    expect(menuShortcut('我的安排')).toBe('m:appts');
    expect(menuShortcut('求助熱線')).toBe('m:hotlines');
    expect(menuShortcut('Report a concern')).toBe('f:report');
    expect(menuShortcut('我想签到一下')).toBeUndefined();
  });
});
