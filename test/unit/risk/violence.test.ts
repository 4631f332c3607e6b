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
    row('他说出来以后要弄死举报他的那个人，还去买了刀', 3, 'violence', 'family'),
    row('有人一直跟着我，说欠的钱不还就卸我一条腿', 3, 'violence'),
    row('my son said he\'d kill his dealer and he keeps a gun in his car', 3, 'violence', 'family'),
    row('他刀在手上，说要去砍那个上家，已经出门了', 4, 'violence', 'family'),
  ])('$text → $level', expectCase);

  it.each([
    row('气得想打人，不过我忍了', 1, 'violence'),
    row('老板气死我了，又扣工资', 0),
    row('气得我想杀了他哈哈', 1),
    row('my mom is going to kill me when she sees my haircut lol', 0),
    row('哈哈，我妈说我再晚回家就打断我的腿', 0),
  ])('anger and figures of speech: $text → $level', expectCase);
});
