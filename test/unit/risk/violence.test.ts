import { describe, it } from 'vitest';
import { expectCase, row } from './helpers.js';

describe('violence', () => {
  it.each([
    row('我要砍死那个上家', 3, 'violence'),
    row('我要拿刀去找他算账', 3, 'violence'),
    row('我老公打我，还说要弄死我', 3, 'violence', 'family'),
    row('他刚才打了我，现在又拿着菜刀', 4, 'violence', 'family'),
    row('if he touches my sister again I\'ll kill him', 3, 'violence'),
    row('my son is threatening to kill me', 3, 'violence', 'family'),
    row("he has a knife and he's banging on my door right now", 4, 'violence', 'family'),
    row('他正在用刀砍门，我们躲在屋里', 4, 'violence', 'family'),
    row("he's got a knife to my throat", 4, 'violence', 'family'),
  ])('$text → $level', expectCase);

  it.each([
    row('气得想打人，不过我忍了', 1, 'violence'),
    row('老板气死我了，又扣工资', 0),
    row('气得我想杀了他哈哈', 1),
    row('my mom is going to kill me when she sees my haircut lol', 0),
  ])('anger and figures of speech: $text → $level', expectCase);
});
