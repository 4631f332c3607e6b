import { describe, it } from 'vitest';
import { expectCase, row } from './helpers.js';

describe('slang and homophones', () => {
  it.each([
    row('我想紫砂', 3, 'suicide'),
    row('我想ｚｉｓｈａ', 3, 'suicide'),
    row('重开吧，这人生没救了', 3, 'suicide'),
    row('昨晚又溜了一口', 2, 'relapse'),
    row('打K了，就一点点', 2, 'relapse'),
    row('飞了点叶子，应该没事吧', 2, 'relapse'),
    row('上家今天给我打电话了', 2, 'acquiring'),
    row('有没有货，帮我搞点', 2, 'acquiring'),
    row('好想嗨一下', 2, 'craving'),
    row('i want to unalive myself', 3, 'suicide'),
    row('kms', 3, 'suicide'),
    row('my plug hit me up', 2, 'acquiring'),
    row('gonna pick up tonight', 2, 'acquiring'),
    row('smoked some ice with my cousin', 2, 'relapse'),
    // slang use verb + an amount or a count
    row('前两天跟老朋友嗨了一下', 2, 'relapse'),
    row('这周飞了两次，不敢跟社工说', 2, 'relapse'),
    row('昨天整了一口，就一口', 2, 'relapse'),
    row('昨晚K了一点', 2, 'relapse'),
    row('上头了，停不下来', 2, 'relapse'),
    row('trying to score something after work', 2, 'acquiring'),
    row('picked up the usual last night', 2, 'relapse'),
  ])('$text → $level', expectCase);

  it.each([
    row('溜冰场周末开门吗，想带孩子去玩', 0),
    row('朋友送了我一个紫砂壶', 0),
    row('嗨，你好', 0),
    row('我去批发市场拿货了，晚点回你', 0),
    row('ice cream after group was nice', 0),
    row("need to charge my phone, where's a plug", 0),
    row('I need to pick up my kids', 0),
    row('这周飞了两次北京出差', 0),
    row('晚上整了一口酒，睡得挺好', 0),
    row('这部剧太上头了', 0),
    row('老朋友约我周末去钓鱼', 0),
  ])('ordinary meaning: $text → $level', expectCase);
});
