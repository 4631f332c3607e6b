import { describe, expect, it } from 'vitest';
import { assessText } from '../../../src/risk/assess.js';
import { expectCase, row } from './helpers.js';

describe('history told as history', () => {
  it.each([
    row('以前吸过冰，现在早就不碰了', 0),
    row('三年前我吸多了进过医院，现在想起来还后怕', 1),
    row('十年前从所里出来那会儿想过跳楼，都过去了', 1),
    row('那时候天天溜冰，现在想想真是傻', 0),
    row('以前天天想着溜冰，现在一门心思挣钱', 0),
    row('以前的毒友约我出去，说有新货', 2, 'acquiring'),
    row('I used to use meth but I\'ve been clean for 4 years', 0),
    row('years ago I tried to kill myself, I\'m in a better place now', 1),
    row('my son overdosed last year but he\'s doing great now', 1, undefined, 'family'),
  ])('$text → $level', expectCase);

  it.each([
    row('以前吸过，昨天又吸了', 2, 'relapse'),
    row('以前想过自杀，最近又有那种想法了', 3, 'suicide'),
    row('I used to cut myself and yesterday I cut myself again', 3, 'self_harm'),
  ])('history then now: $text → $level', expectCase);
});

describe('time frame', () => {
  it('marks history as past', () => {
    expect(assessText('三年前我想过自杀').timeFrame).toBe('past');
    expect(assessText('我想自杀').timeFrame).toBe('current');
  });
});
