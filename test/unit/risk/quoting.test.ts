import { describe, it } from 'vitest';
import { expectCase, row } from './helpers.js';

describe('quoting others and media', () => {
  it.each([
    row('电视上说有人烧炭自杀，看得我心里发毛', 0),
    row('禁毒课上老师讲了吸毒过量会导致呼吸抑制', 0),
    row('新闻里说一个人吸毒过量死在出租屋，太惨了', 0),
    row('昨晚梦到自己又吸了，吓醒了', 0),
    row('我们小区有人跳楼了，好可怕', 0),
    row('the movie last night had a suicide scene, pretty intense', 0),
    row('we talked about suicide warning signs in group', 0),
  ])('$text → $level', expectCase);

  it.each([
    row('新闻说有人烧炭走了，我也想这样', 3, 'suicide'),
    row('看了新闻，我好想死', 3, 'suicide'),
  ])('the speaker turns to themself: $text → $level', expectCase);

  it.each([
    row('我朋友说他想死，我该怎么劝他', 2, 'suicide'),
    row('my friend said he wants to die', 2, 'suicide'),
    row('有个病友昨天复吸了', 1, 'relapse'),
    row('昨天跟朋友玩到天亮，又用了', 2, 'relapse'),
  ])('a participant telling about someone else: $text → $level', expectCase);
});
