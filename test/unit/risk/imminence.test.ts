import { describe, it } from 'vitest';
import { expectCase, row } from './helpers.js';

describe('imminence: a plan or act for now', () => {
  it.each([
    row('今晚就结束这一切', 4, 'suicide'),
    row('今晚我就从阳台跳下去', 4, 'suicide'),
    row('我现在站在楼顶上', 4, 'suicide'),
    row('我买了两瓶安眠药，打算今晚吃', 4, 'suicide'),
    row('他说今晚就去死，现在电话关机了', 4, 'suicide', 'family'),
    row('I want to kill myself tonight', 4, 'suicide'),
    row("I'm on the roof right now", 4, 'suicide'),
    row("goodbye everyone, I'm doing it now", 4, 'suicide'),
  ])('$text → $level', expectCase);

  it.each([
    row('我想自杀', 3, 'suicide'),
    row('今晚要早点睡', 0),
    row('今晚的课几点开始', 0),
  ])('no time or no risk: $text → $level', expectCase);
});
