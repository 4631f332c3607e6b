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
    row('我不想活了，家里还有一瓶安眠药', 3, 'suicide'),
    row("I've been saving up my pills", 3, 'suicide'),
    row('I bought a rope', 3, 'suicide'),
    row('I keep thinking about jumping off the bridge', 3, 'suicide'),
    row("I've been looking up how many pills it would take", 3, 'suicide'),
  ])('$text → $level', expectCase);

  // Means made ready and within reach: preparation alone, an emergency with a wish, a goodbye or "now".
  it.each([
    row('买了两包炭，放在出租屋里', 3, 'suicide'),
    row('去天台看了好几次了，高度够了', 3, 'suicide'),
    row('I know exactly which bridge I\'ll use', 3, 'suicide'),
    row('药都倒出来了，放在桌上', 3, 'suicide'),
    row('把药都倒出来了，一百多片，准备全吞下去', 4, 'suicide'),
    row('绳子已经挂好了，再见', 4, 'suicide'),
    row("the rope is up and I'm ready, goodbye", 4, 'suicide'),
    // being at the edge right now is itself the emergency
    row('我坐在天台边上，风很大', 4, 'suicide'),
    row('我女儿在楼顶边上坐着，不肯下来', 4, 'suicide', 'family'),
    row("he's on the roof and says he's going to jump", 4, 'suicide', 'family'),
  ])('staged means: $text → $level', expectCase);

  it.each([
    row('医生给我开了安眠药，一天一片', 0),
    row('这盘饺子我准备全吃了', 0),
    row('买了两包炭，周末烧烤用', 0),
    row('我买了一根绳子晾衣服', 0),
    row('我在天台晒被子，等下回你', 0),
    row('我吃了药，好多了', 0),
    row('I bought a new rope for the dog leash', 0),
    row("I'm on the roof fixing the antenna", 0),
    row('I took my meds this morning', 0),
  ])('everyday use of a means word: $text → $level', expectCase);
});
