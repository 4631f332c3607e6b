import { describe, it } from 'vitest';
import { expectCase, row } from './helpers.js';

describe('negation', () => {
  it.each([
    row('我不想死', 0),
    row('我从来没想过自杀，你们放心', 0),
    row('我没有复吸，尿检可以证明', 0),
    row('我不会再碰那东西了', 0),
    row('放心吧，我不会做傻事的', 0),
    row('自杀？不会的，我还有女儿要养', 0),
    row('想死的念头已经没有了', 0),
    row('吓死我了，还以为这次尿检没过，结果是阴性', 0),
    row("I'm not going to kill myself", 0),
    row('no, I\'m not thinking about suicide', 0),
    row("I'm not going to relapse, I promise", 0),
    row('自杀的人真傻，我才不会', 0),
    row('他说他现在很少想那个东西了', 0, undefined, 'family'),
  ])('$text → $level', expectCase);

  it.each([
    row('我不想活了', 3, 'suicide'),
    row('我真的不行了，想死', 3, 'suicide'),
    row("I don't want to live anymore", 3, 'suicide'),
    row("I'm not okay, I want to die", 3, 'suicide'),
  ])('a phrase that contains a negation is still risk: $text → $level', expectCase);
});
