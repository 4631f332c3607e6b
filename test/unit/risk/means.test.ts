import { describe, it } from 'vitest';
import { expectCase, row } from './helpers.js';

// Method and means words weigh more than the word "suicide".
describe('means and methods', () => {
  it.each([
    row('我攒了三十多片安眠药', 3, 'suicide'),
    row('１００片安眠药我都攒好了', 3, 'suicide'),
    row('买了一袋炭放在车里', 3, 'suicide'),
    row('绳子已经买好了', 3, 'suicide'),
    row('我想从楼上跳下去', 3, 'suicide'),
    row('想喝农药', 3, 'suicide'),
    row('我坐在天台边上，风很大', 3, 'suicide'),
    row('我不想活了，家里还有一瓶安眠药', 3, 'suicide'),
    row("I've been saving up my pills", 3, 'suicide'),
    row('I bought a rope', 3, 'suicide'),
    row('I keep thinking about jumping off the bridge', 3, 'suicide'),
    row("I've been looking up how many pills it would take", 3, 'suicide'),
  ])('$text → $level', expectCase);

  it.each([
    row('医生给我开了安眠药，一天一片', 0),
    row('我买了一根绳子晾衣服', 0),
    row('我在天台晒被子，等下回你', 0),
    row('我吃了药，好多了', 0),
    row('I bought a new rope for the dog leash', 0),
    row("I'm on the roof fixing the antenna", 0),
    row('I took my meds this morning', 0),
  ])('everyday use of a means word: $text → $level', expectCase);
});
