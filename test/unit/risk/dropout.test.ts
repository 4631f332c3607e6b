import { describe, it } from 'vitest';
import { expectCase, row } from './helpers.js';

describe('dropping out of tests and treatment', () => {
  it.each([
    row('我不想去尿检了，随便你们', 2, 'dropout'),
    row('今天没去喝美沙酮', 2, 'dropout'),
    row('别再联系我了，我不想参加了', 2, 'dropout'),
    row('美沙酮我不想喝了，停了算了', 2, 'dropout'),
    row("I'm not going to the drug test this week", 2, 'dropout'),
    row('I missed my methadone dose today', 2, 'dropout'),
    row("I'm done with this program", 2, 'dropout'),
    row('我连着三次没去签到了', 2, 'dropout'),
    row("I'm done with the drug tests, I'm not going", 2, 'dropout'),
    // avoiding the caseworker: a new number they do not get, calls not returned
    row('我打算换号，以后社工也找不到我', 2, 'dropout'),
    row('他已经一个月没回社工电话了', 2, 'dropout', 'family'),
    row("he won't answer the caseworker anymore", 2, 'dropout', 'family'),
  ])('$text → $level', expectCase);

  it.each([
    row('下周尿检能改到周五吗？周三要上班', 0),
    row('明天几点尿检？', 0),
    row('我换了新手机号，麻烦社工更新一下', 0),
    row('美沙酮门诊几点开门？', 0),
    row('can I reschedule my UA to friday?', 0),
    row('what time is my drug test on thursday?', 0),
  ])('logistics: $text → $level', expectCase);
});
