import { describe, expect, it } from 'vitest';
import { pseudonymise } from '../../../src/llm/pseudonymise.js';

const NAMES = ['王小明', '李秀英', '张丽', 'John Smith', 'Wang Wei'];
const p = (text: string, names: readonly string[] = NAMES) => pseudonymise(text, names);

describe('pseudonymise: names', () => {
  it.each([
    ['我是王小明，今天心情不好', '我是[姓名]，今天心情不好'],
    ['小明最近还好吗', '[姓名]最近还好吗'],
    ['老王说阿明又不接电话', '[姓名]说[姓名]又不接电话'],
    ['李秀英是我妈妈', '[姓名]是我妈妈'],
    ['张丽社工让我周四去尿检', '[姓名]社工让我周四去尿检'],
    ['小张今天来过', '[姓名]今天来过'],
  ])('zh: %s', (input, expected) => expect(p(input)).toBe(expected));

  it.each([
    ['Hi, I am John Smith', 'Hi, I am [NAME]'],
    ['john called smith yesterday', '[NAME] called [NAME] yesterday'],
    ['WANG WEI is my son', '[NAME] is my son'],
    ['Johnson is not John', 'Johnson is not [NAME]'],
  ])('en: %s', (input, expected) => expect(p(input)).toBe(expected));

  it('keeps everyday words that a short form of a name would collide with', () => {
    expect(p('老师说一个小时后开课，妈妈和社工都在', ['师小明', '时雨', '王妈妈', '张社工'])).toBe('老师说一个小时后开课，妈妈和社工都在');
    // "An" is a surname and an English word: only the capitalised form is a name.
    expect(pseudonymise('I had an urge, An knows', ['An Li'])).toBe('I had an urge, [NAME] knows');
  });

  it('handles decorated nicknames, compound surnames and regex characters', () => {
    expect(p('🌸小花🌸和小花都是她', ['🌸小花🌸'])).toBe('[姓名]和[姓名]都是她');
    expect(p('欧阳小明和小明', ['欧阳小明'])).toBe('[姓名]和[姓名]');
    expect(p('call (Mary) now', ['(Mary)'])).toBe('call [NAME] now');
    expect(p('no names here', ['', '  '])).toBe('no names here');
  });
});

describe('pseudonymise: phone numbers', () => {
  it.each([
    ['电话13812345678', '电话[电话]'],
    ['手机 138 1234 5678 打给我', '手机 [电话] 打给我'],
    ['号码138-1234-5678', '号码[电话]'],
    ['打+86 139-0000-1111', '打[电话]'],
    ['全角８６１３８１２３４５６７８', '全角[电话]'],
    ['座机0734-8123456', '座机[电话]'],
    ['办公室(0734) 8123456', '办公室[电话]'],
    ['打010-82951332', '打[电话]'],
    ['客服400-161-9995', '客服[电话]'],
  ])('zh: %s', (input, expected) => expect(p(input)).toBe(expected));

  it.each([
    ['call me at (555) 123-4567', 'call me at [PHONE]'],
    ['my number is 13812345678.', 'my number is [PHONE].'],
    ['1-800-662-4357', '[PHONE]'],
  ])('en: %s', (input, expected) => expect(p(input)).toBe(expected));

  it('leaves short numbers, amounts, dates and hotlines alone', () => {
    const text = '下个月5号尿检，2024-01-05那天排队3个小时，救助14600元，打12356或120，坚持了100天';
    expect(p(text)).toBe(text);
    expect(p('I have been clean for 365 days, call 988')).toBe('I have been clean for 365 days, call 988');
  });
});

describe('pseudonymise: ID numbers', () => {
  it.each([
    ['身份证43010419900101123X', '身份证[身份证号]'],
    ['身份证号码：430104199001011234，', '身份证号码：[身份证号]，'],
    ['证件430104 19900101 123x', '证件[身份证号]'],
    ['旧身份证430104900101123', '旧身份证[身份证号]'],
  ])('zh: %s', (input, expected) => expect(p(input)).toBe(expected));

  it('en: an ID number in English text', () => {
    expect(p('my ID is 43010419900101123X ok')).toBe('my ID is [ID NUMBER] ok');
  });

  it('catches other long numbers (bank cards) as numbers', () => {
    expect(p('卡号6222 0212 3456 7890 123')).toBe('卡号[号码]');
  });
});

describe('pseudonymise: e-mail', () => {
  it('replaces addresses in both languages', () => {
    expect(p('邮箱 li.xiuying88@qq.com 谢谢')).toBe('邮箱 [邮箱] 谢谢');
    expect(p('write to john.smith+tx@example.co.uk please')).toBe('write to [EMAIL] please');
  });
});

describe('pseudonymise: street addresses', () => {
  it.each([
    ['我住在衡阳市蒸湘区解放大道123号', '我住在[地址]'],
    ['他家在人民路45号3楼', '他家在[地址]'],
    ['上家在中山街8号', '上家在[地址]'],
    ['我家在幸福小区3栋2单元501室，来找我', '我家在[地址]，来找我'],
    ['住在翠园小区', '住在[地址]'],
    ['就在5栋2单元', '就在[地址]'],
    ['在东方红村3组', '在[地址]'],
    ['我搬到了阳光花园12号楼', '我搬到了[地址]'],
    ['台北市大安區忠孝東路四段123號5樓', '[地址]'],
    ['住上海长乐路123弄45号', '住[地址]'],
    ['我在社区康复，每个月去社区上课', '我在社区康复，每个月去社区上课'],
    ['这个小区附近有人卖货', '这个小区附近有人卖货'],
    ['我知道3号要尿检', '我知道3号要尿检'],
  ])('zh: %s', (input, expected) => expect(p(input)).toBe(expected));

  it.each([
    ['I live at 221B Baker Street now', 'I live at [ADDRESS] now'],
    ['my flat is at 12 Jiefang Road, Apt 5', 'my flat is at [ADDRESS], [ADDRESS]'],
    ['Room 501 in the hostel', '[ADDRESS] in the hostel'],
    ['I took 2 pills at the street corner', 'I took 2 pills at the street corner'],
    ['walked 3 miles down the road', 'walked 3 miles down the road'],
  ])('en: %s', (input, expected) => expect(p(input)).toBe(expected));
});

describe('pseudonymise: combined, and the placeholders themselves', () => {
  it('removes everything from a realistic message and keeps the meaning', () => {
    const text = '我是王小明，身份证43010419900101123X，电话138 1234 5678，住在幸福小区3栋2单元501室。最近心瘾很重，小明不想再让李秀英失望。';
    const out = p(text);
    expect(out).toBe('我是[姓名]，身份证[身份证号]，电话[电话]，住在[地址]。最近心瘾很重，[姓名]不想再让[姓名]失望。');
    for (const secret of ['王小明', '小明', '李秀英', '43010419900101123X', '1234', '幸福小区', '501']) expect(out).not.toContain(secret);
  });

  it('never matches inside a placeholder, and strips private-use characters used as markers', () => {
    expect(pseudonymise('Id 13812345678 and Name', ['Id', 'Name', 'PHONE'])).toBe('[NAME] [PHONE] and [NAME]');
    expect(pseudonymise('a\uE000\uE101\uE001b', [])).toBe('ab');
  });

  it('chooses the placeholder language from the text, or as asked', () => {
    expect(pseudonymise('call 13812345678', [])).toBe('call [PHONE]');
    expect(pseudonymise('call 13812345678', [], { placeholders: 'zh' })).toBe('call [电话]');
    expect(pseudonymise('打13812345678', [], { placeholders: 'en' })).toBe('打[PHONE]');
  });

  it('is pure: the same input gives the same output', () => {
    const text = '王小明 13812345678 幸福小区3栋';
    expect(p(text)).toBe(p(text));
  });
});

describe('pseudonymise: placeholder language in mixed text', () => {
  it('judges the language on what remains, so a Chinese name or address in English text gets English placeholders', () => {
    expect(pseudonymise('My son 王小明 lives at 幸福小区3栋', ['王小明'])).toBe('My son [NAME] lives at [ADDRESS]');
    expect(pseudonymise('王小明 said ok', ['王小明'])).toBe('[NAME] said ok');
    expect(pseudonymise('王小明说好', ['王小明'])).toBe('[姓名]说好');
  });
});
