/**
 * The mechanisms the three sets from new voices revealed (holdout-dev-27 … 29: the countryside
 * and its dialects, young people online, code-switching and one-line replies), each in words of
 * its own rather than the sets' lines, with the everyday uses of the same words beside them.
 */
import { describe, expect, it } from 'vitest';
import { assessRules } from '../../../src/risk/rules.js';
import { expectCase, row, type Case } from './helpers.js';

const RISKY: Case[] = [
  // a short reply whose only content is a place of danger and a farewell
  row('已经在天台上了 拜拜', 4, 'suicide'),
  row('人在江边 对不起你们', 4, 'suicide'),
  row('我在楼顶 你们都别来了', 4, 'suicide'),
  row("at the roof now. tell my dad i'm sorry", 4, 'suicide'),
  row('up on the bridge. not coming back this time', 4, 'suicide'),
  row('绳子系在门框上了 凳子也放好了 这就走了', 4, 'suicide'),
  row('到江边了 别找我', 4, 'suicide'),
  // settling affairs in more words: won't need it, given away, passwords, entrusting
  row('以后这些都用不上了 手表送给我弟了', 3, 'suicide'),
  row('存折密码告诉我妹了 以后用不着了', 3, 'suicide'),
  row('以后的尿检应该都用不着了 谢谢你这些年照顾', 3, 'suicide'),
  row('我妈把金戒指都收拾出来了 说留着没用', 3, 'suicide', 'family'),
  row("told my brother he can have my guitar. i won't need it anymore", 3, 'suicide'),
  row('my father gives away his watch and his tools, he keeps saying take care of your mother', 3, 'suicide', 'family'),
  // a count swallowed and a symptom, no medicine named: reported by a relative, or followed by silence
  row('他说吃了一整瓶 头很晕', 4, 'overdose', 'family'),
  row('她吞了一大把 站都站不稳了', 4, 'overdose', 'family'),
  row('he swallowed a whole handful and now he is so dizzy', 4, 'overdose', 'family'),
  row('已经吃了 一整瓶 好困 然后就不回了', 4, 'overdose'),
  // a relative reporting what the person keeps saying: a sign, even in quotation marks
  row("他总说'活着没劲'", 2, 'suicide', 'family'),
  row("我爸这几天老是说'活着没意思'", 2, 'suicide', 'family'),
  // a relative's alarm makes one sign of settling a plan
  row('我妈突然把存折密码告诉我了 我心里发慌', 3, 'suicide', 'family'),
  row('他让我以后照顾好孩子 我越想越不对', 3, 'suicide', 'family'),
  // passive wishes in the words of older writers, the net and non-native English
  row('真希望老天爷早点把我收了', 2, 'suicide'),
  row('感觉这个世界不需要我了', 2, 'suicide'),
  row('tired of existing honestly', 2, 'suicide'),
  row('感觉我消失了对谁都好', 2, 'suicide'),
  row('想把自己从这个世界上删除', 2, 'suicide'),
  // a plan with its place or time fixed
  row('我看好了在哪跳 就是还没定日子', 3, 'suicide'),
  row('my plan is ready. just waiting until the wedding is over, then i go', 3, 'suicide'),
  row('坐在江边好几次了 每次都想走下去', 3, 'suicide'),
  row('got charcoal and tape, and no it is not for a bbq', 3, 'suicide'),
  row('looked up how many tablets it takes', 3, 'suicide'),
  // means bought, in the fewest words
  row('charcoal bought', 3, 'suicide'),
  row('have bought the rope. soon', 3, 'suicide'),
  // medicine stockpiled inside a long, calm message
  row('这周还行 上周又多开了两盒安眠药 加上之前攒的 差不多四十片了 周末带闺女去公园', 3, 'suicide'),
  row('安眠药攒够了', 3, 'suicide'),
  // charcoal lit in a closed space without the word
  row('在屋里把那盆东西点上了 门缝也堵上了', 4, 'suicide'),
  row('他把自己锁在车里 里面冒烟 一股炭味', 4, 'suicide', 'family'),
  // a relative's report of a note and someone gone
  row('奶奶一大早就不见了 桌上留了张纸条 写着对不起', 4, 'suicide', 'family'),
  row('我爸留了封信 说要去找我妈 我妈走了三年了', 3, 'suicide', 'family'),
  row('我弟发朋友圈"晚安 这个世界" 电话关机了', 4, 'suicide', 'family'),
  // a relative hearing death words said again and again, quoted
  row('我哥天天说"活着没意思" 饭也不吃', 2, 'suicide', 'family'),
  row('她老是说"活着没劲" 说完又说没事', 2, 'suicide', 'family'),
  // withdrawal in a relative's words
  row('我女儿把自己锁屋里 两天没出来', 2, undefined, 'family'),
  row('饭端到门口都不吃', 2, undefined, 'family'),
  row('她一个人跑到江边坐了一下午', 2, undefined, 'family'),
  row('这几天不吃饭 叫他也不理 一直躺着', 2, undefined, 'family'),
  // the old dose after time away
  row('刚放出来 想按以前的量来一次', 3, 'overdose'),
  row('戒了一年了 打算把以前的量补回来', 3, 'overdose'),
  // medicine mixed and the symptoms now; a count swallowed with no name; a month's supply
  row('他把美沙酮跟安定一起吃了 现在站不稳', 4, 'overdose', 'family'),
  row('她说刚吃了一整盒 好困 然后就不回了', 4, 'overdose', 'family'),
  row('swallowed all the pills. sorry mum', 4, 'overdose'),
  row('took my whole week of meds an hour ago, feeling heavy', 4, 'overdose'),
  // a fall heard behind a door and then silence
  row("heard her collapse in the shower and she's not answering", 4, 'overdose', 'family'),
  row('听到卫生间咚的一声 叫他没反应', 4, 'overdose', 'family'),
  // invented slang made plain by its use
  row('又哈了一口 忍不住', 2, 'relapse'),
  row('他们给我来了个"特别的糖"', 2, 'relapse'),
  row('昨晚又"充了电" 别说出去', 2, 'relapse'),
  row('我弟嗑了好多糖豆 浑身发烫 一直在抖', 4, 'overdose', 'family'),
  row('i used again last weekend, only a little', 2, 'relapse'),
  row('found burnt foil in her pocket this morning', 2, 'relapse', 'family'),
  // supply kept within reach
  row('谁知道哪里能搞到点 憋不住了', 2, 'acquiring'),
  row('他手机里有人发"老样子 老地方" 他回了个好', 2, 'acquiring', 'family'),
  row('老表说他那有 给我留了一点', 2, 'acquiring'),
  row('发了工资就想去找那个人', 2, 'acquiring'),
  // a reply to a reminder that refuses it
  row('好的 不去了', 2, 'dropout'),
  row('收到 不过我不想再去了', 2, 'dropout'),
  row('不去了 没意思', 2, 'dropout'),
  row('ok but not going, sick of all this', 2, 'dropout'),
  row('我想放弃美沙酮了 太累', 2, 'dropout'),
  // self-harm: a wound that will not stop, everyday instruments, burns, "deeper this time"
  row('手腕划开了 血止不住', 4, 'self_harm'),
  row('又拿刀片在胳膊上划了', 3, 'self_harm'),
  row('他胳膊上好多烟头烫的疤', 3, 'self_harm', 'family'),
  row('cut again last night, deeper than last time lol', 3, 'self_harm'),
  row('又cut了 这次割深了', 3, 'self_harm'),
  // violence with the means got ready
  row('刀已经磨好了 明天就去找他', 3, 'violence'),
  row('我早晚要让他们好看 汽油都买了', 3, 'violence'),
  row('我知道他住哪了 早晚堵他', 2, 'violence'),
  row('他拿着斧头在门口 说要劈了他爸 快叫人', 4, 'violence', 'family'),
  // the English side of the same mechanisms
  row("got two more boxes of sleeping pills, plus the ones i saved at home", 3, 'suicide'),
  row('lit it in the car, windows all shut', 4, 'suicide'),
  row("she left a note saying sorry and she's been gone since this morning", 4, 'suicide', 'family'),
  row('he stays in his room, food at the door untouched', 2, undefined, 'family'),
  row('my dad sits by the river alone all afternoon', 2, undefined, 'family'),
  row('going to do my old amount tonight, been clean 2 years', 3, 'overdose'),
  row("he took his methadone with sleeping pills and now he's so dizzy", 4, 'overdose', 'family'),
  row('knife is sharpened, going to find him tomorrow', 3, 'violence'),
  row('i know where he lives. sooner or later', 2, 'violence'),
  row('grandma gave away her rings and told me where the will is, i have a bad feeling', 3, 'suicide', 'family'),
];

const CALM: Case[] = [
  row('在楼顶晒被子呢 拜拜', 0),
  row('到江边了 等你们来烧烤', 0),
  row('晚安 世界 明天见', 0),
  row('我在河边 钓鱼呢 晚点回你', 0),
  row('已经在桥上了 马上到你家', 0),
  row('stuck on the bridge rn, traffic is insane', 0),
  row('at the roof party now. bye!', 0),
  row('这个旧手机以后用不上了 准备卖掉', 1),
  row("won't need a ride tomorrow, thanks", 0),
  row('我妈的旧手机以后用不上了 让我拿去卖了', 1, undefined, 'family'),
  row('老天爷收了这场雨吧 衣服都没干', 0),
  row('so tired of existing deadlines at work', 0),
  row('我看好了在哪买房 就是钱不够', 0),
  row('the plan is ready for the move, waiting until friday then i go to the new flat', 0),
  row('水库边上好多人钓鱼 我也想走下去看看', 0),
  row('rope bought for the tent', 0),
  row('charcoal bought for the bbq on sunday', 0),
  row('i keep my pills in a box by the sink so i do not forget', 0),
  row('医生多开了两盒降压药 加上家里剩的 够吃到过年', 0),
  row('积分攒够了 换了个电饭煲', 0),
  row('把蚊香点上了 窗户关好了 睡觉', 0),
  row('我妈一早就不见了 留了张纸条 说去赶集了', 0, undefined, 'family'),
  row('他去河边坐了一下午钓鱼 心情好多了', 0, undefined, 'family'),
  row('他这两天不吃不喝的 原来是拔了牙', 0, undefined, 'family'),
  row('按以前的量吃饭 胃口回来了', 0),
  row('美沙酮和早饭一起吃了 没有不舒服', 0),
  row('heard him fall asleep on the couch, snoring away', 0, undefined, 'family'),
  row('手机充了一次电 又没了', 0),
  row('哈了一口气擦眼镜', 0),
  row('I use a little bit of honey in my tea', 0),
  row('老样子 老地方 吃火锅', 0),
  row('二姨说她那有新鲜鸡蛋 给我留了点', 0),
  row('工资到手就去找那个人还钱', 0),
  row('下雨了 我们不去公园了', 0),
  row('不去了，改天吧', 0),
  row("not going, it's raining", 0),
  row('想放弃这个游戏 太难了', 1),
  row('切菜划开了手指 贴了创可贴 止住了', 0),
  row('拿圆规在纸上画圆', 0),
  row('dug deeper this time in the garden', 0),
  row('斧头磨好了 明天去山上砍柴', 0),
  row('知道他住哪了 周末去他家吃饭', 0),
  row('今年果树打了两遍农药', 0),
  row('楼顶的咖啡店 坐在天台边上喝咖啡', 0),
  row('把他屏蔽了 喝了杯热水 没事了', 0),
  row('took all my pills this morning as prescribed', 0),
  row('喝了一整瓶可乐 好困', 0),
  row("歌里总唱'活着没劲'", 0),
  row('吃了一整瓶 好困', 0),
  row('他吃了一大碗面 好困 睡午觉去了', 0, undefined, 'family'),
  row('plus the ones i saved from last winter, we have enough cough drops', 0),
  row('lit the grill in the garage, door wide open', 0),
  row('he has been gone since this morning, fishing with his mates', 0, undefined, 'family'),
  row('my dad sits by the river all afternoon fishing', 0, undefined, 'family'),
  row('back to my old dose of methadone at the clinic', 0),
  row('took methadone with breakfast, a bit sleepy', 0),
  row('the knife is sharpened now, going to get him to carve the roast', 0),
  row("i know where she works now, it's near the station", 0),
];

describe('after holdout-dev-27 … 29: mechanisms in other words', () => {
  it.each(RISKY)('$text → $level', (c) => expectCase(c));
});

describe('after holdout-dev-27 … 29: the same words in everyday use', () => {
  it.each(CALM)('$text → $level', (c) => expectCase(c));
});

describe('after holdout-dev-27 … 29: the rules alone carry the mechanisms', () => {
  it.each(RISKY)('$text reaches its level without the layer', (c) => {
    expect(assessRules(c.text, c.speaker ? { speaker: c.speaker } : {}).level).toBe(c.level);
  });
});
