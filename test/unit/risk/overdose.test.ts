import { describe, it } from 'vitest';
import { expectCase, row } from './helpers.js';

describe('overdose in progress and unresponsive', () => {
  it.each([
    row('我已经吃了一整瓶安眠药', 4, 'overdose'),
    row('吞了三十片药，头好晕', 4, 'overdose'),
    row('刚喝了农药', 4, 'suicide'),
    row('我儿子叫不醒，嘴唇发紫', 4, 'overdose', 'family'),
    row('他倒在厕所里，没有呼吸了', 4, 'overdose', 'family'),
    row('朋友吸多了，叫不醒', 4, 'overdose'),
    row('救命！！！他没呼吸了！！！', 4, 'overdose'),
    row('他叫不醒，嘴唇發紫', 4, 'overdose', 'family'),
    row('I took the whole bottle of my sleeping pills', 4, 'overdose'),
    row('I just swallowed 40 tablets', 4, 'overdose'),
    row('I just took every pill I had', 4, 'overdose'),
    row('他把自己吊在门上了，快来', 4, 'suicide', 'family'),
    row('my son hung himself, he\'s not moving', 4, 'suicide', 'family'),
    row('my husband is not breathing, he used', 4, 'overdose', 'family'),
    row("my son won't wake up and his lips are blue", 4, 'overdose', 'family'),
  ])('$text → $level', expectCase);

  it.each([
    row('吃了很多安眠药，头好晕', 4, 'overdose'),
    row('吃了很多安眠药', 3, 'overdose'),
    row('我哥们昨晚吸多了，送医院了，现在没事了', 2, 'overdose'),
    row('our class talked about the signs of an overdose today', 0),
  ])('degrees: $text → $level', expectCase);
});
