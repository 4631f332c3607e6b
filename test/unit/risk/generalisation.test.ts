/**
 * Mechanisms added after holdout-dev-10 … 12, each tested with phrasings
 * written for this file (not copied from the hold-outs).
 */
import { describe, it } from 'vitest';
import { expectCase, row } from './helpers.js';

describe('traditional characters and Cantonese meet the Mandarin lexicon', () => {
  it.each([
    row('我現在就要跟他同歸於盡', 4, 'violence'),
    row('我剛剛把整瓶安眠藥都吞了 頭好暈', 4, 'overdose'),
    row('我而家喺天台 唔想再落去 同阿媽講聲對唔住', 4, 'suicide'),
    row('琴晚又啪咗少少', 2, 'relapse'),
    row('佢食咗好多粒藥 而家點叫都叫唔醒', 4, 'overdose', 'family'),
    row('聽日幾點驗尿呀', 0),
  ])('%s', (c) => expectCase(c));
});

describe('large counts of tablets and big doses', () => {
  it.each([
    row('吃了二十几片止痛药 现在眼睛睁不开', 4, 'overdose'),
    row('刚才打了一大针 现在手脚发麻', 4, 'overdose'),
    row('医生开了二十片降压药 一天一片', 0),
  ])('%s', (c) => expectCase(c));
});

describe('settling affairs', () => {
  it.each([
    row('猫送给楼下阿姨了 银行卡密码也写给我姐了', 3, 'suicide'),
    row('房租交清了 这个月轻松点', 1, 'suicide'),
    row('万一我哪天不在了 帮我照顾好我女儿 再见', 3, 'suicide'),
    row("I've made a will and asked my neighbour to take my dog", 3, 'suicide'),
  ])('%s', (c) => expectCase(c));
});

describe('a goodbye sent and nobody can reach them', () => {
  it.each([
    row('她在桥上给我发了告别的短信 现在电话打不通', 4, 'suicide', 'family'),
    row('他发了告别的消息 说要出国打工了 现在关机了', 2, 'suicide', 'family'),
    row('我现在在天台晒被子 谢谢你一直关心', 0),
    row('he sent a text saying goodbye and now he is not answering his phone', 4, 'suicide', 'family'),
  ])('%s', (c) => expectCase(c));
});

describe('threats, weapons and strangulation', () => {
  it.each([
    row('扳手都准备好了 今晚一定要让他付出代价', 4, 'violence'),
    row('刀我带了', 2, 'violence'),
    row('he choked me last night and said next time he won’t stop', 3, 'violence'),
    row("my brother said his landlord 'won't see the weekend'", 3, 'violence', 'family'),
  ])('%s', (c) => expectCase(c));
});

describe('use, supply and dropout in everyday words', () => {
  it.each([
    row('昨天在朋友家碰了一下冰', 2, 'relapse'),
    row('did a couple lines at the party', 2, 'relapse'),
    row('linking up with my plug later', 2, 'acquiring'),
    row('we bought a bag of charcoal for the barbecue', 0),
    row('skipping the urine test this week, not doing that anymore', 2, 'dropout'),
    row('门诊我已经一个礼拜没去了', 2, 'dropout'),
  ])('%s', (c) => expectCase(c));
});

describe('check-in answers typed as text, and decoys', () => {
  it.each([
    row('Check-in: mood 3, craving 1, used no', 0),
    row('打卡：心情3 渴求8', 2, 'craving'),
    row('gonna kill this exam tomorrow', 0),
    row('我以前的上家被抓了 听说判了十年', 0),
    row('xs是什么意思', 0, undefined, 'family'),
  ])('%s', (c) => expectCase(c));
});
