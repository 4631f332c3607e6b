import { describe, it } from 'vitest';
import { expectCase, row } from './helpers.js';

describe('craving, relapse and getting drugs', () => {
  it.each([
    row('特别想溜，控制不住', 2, 'craving'),
    row('心瘾犯了，好难受，想去找点货', 2, 'acquiring'),
    row('我又复吸了，对不起', 2, 'relapse'),
    row('尿检阳性了，怎么办', 2, 'relapse'),
    row('以前的朋友叫我出去玩，说有好东西', 2, 'acquiring'),
    row('cravings are really bad, I want to use', 2, 'craving'),
    row('I relapsed last night', 2, 'relapse'),
    row('my old dealer texted me', 2, 'acquiring'),
    row('有个老熟人说可以给我弄点冰，我有点心动', 2, 'acquiring'),
    row('my dealer keeps texting me', 2, 'acquiring'),
  ])('$text → $level', expectCase);

  it.each([
    row('有点想溜，但忍住了', 1, 'craving'),
    row('上家找我了，我没理他', 1, 'acquiring'),
    row('今天心瘾有点上来，去跑了一圈就好了', 1, 'craving'),
    row('怕自己会复吸，心里没底', 1),
    row('I had a craving today but I went for a walk and it passed', 1, 'craving'),
    row("I'm scared I'll relapse", 1),
    row("I'm craving pizza", 0),
    row('我戒烟了，现在一根都不抽', 0),
    row('深吸一口气，我能行的', 0),
  ])('handled, feared or not about drugs: $text → $level', expectCase);
});
