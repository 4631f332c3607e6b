import { describe, it } from 'vitest';
import { expectCase, row } from './helpers.js';

describe('hyperbole', () => {
  it.each([
    row('排队尿检累死了😂', 0),
    row('今天搬了一天货，累死我了', 0),
    row('笑死，我儿子把我手机密码改了', 0, undefined, 'participant'),
    row('想死你们了，下次聚聚', 0),
    row('饿死了，喝完美沙酮多久能吃饭', 0),
    row('This traffic is killing me lol', 0),
    row("I'm dead 😂 my kid just said the funniest thing", 0),
    row("I'd kill for a burger right now", 0),
    row('这题难得我想死哈哈', 1),
    row('kms lol', 1),
    row('I want to die lol this exam is so hard', 1),
  ])('$text → $level', expectCase);

  it.each([
    row('想死😭', 3, 'suicide'),
    row('kms fr this time, not joking', 3, 'suicide'),
    row('不是开玩笑，我真的想自杀', 3, 'suicide'),
  ])('not a joke: $text → $level', expectCase);
});
