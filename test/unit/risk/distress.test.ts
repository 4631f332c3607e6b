import { describe, it } from 'vitest';
import { expectCase, row } from './helpers.js';

describe('distress and passive wishes', () => {
  it.each([
    row('最近睡不着，老做噩梦', 1, 'distress'),
    row('好孤独啊', 1, 'distress'),
    row('我快撑不住了，压力太大', 1, 'distress'),
    row('can\'t sleep again', 1, 'distress'),
    row('feeling really lonely tonight', 1, 'distress'),
  ])('watch: $text → $level', expectCase);

  it.each([
    row('活着好累，真的没意思', 2, 'suicide'),
    row('有时候觉得没有我，家里会更好', 2, 'suicide'),
    row('我就是家里的累赘', 2, 'suicide'),
    row('睡着了就不想醒来', 2, 'suicide'),
    row('everyone would be better off without me', 2, 'suicide'),
    row('I wish I could just go to sleep and not wake up', 2, 'suicide'),
  ])('passive wish to be dead: $text → $level', expectCase);
});
