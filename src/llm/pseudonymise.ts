/**
 * Replaces personal details with placeholders before any text goes to a
 * model: known names, phone numbers, ID numbers, e-mail addresses and street
 * addresses. Pure and synchronous. It errs towards removing too much: a
 * model that loses a date or a compound's name answers a little less well; a
 * model that receives a phone number is a leak.
 */

export type PlaceholderLang = 'zh' | 'en';

export interface PseudonymiseOptions {
  /** Placeholder language; 'auto' (default): Chinese when Han characters remain once the details are removed. */
  placeholders?: PlaceholderLang | 'auto';
}

type Kind = 'name' | 'phone' | 'id' | 'email' | 'address' | 'number';

export const PLACEHOLDERS: Record<PlaceholderLang, Record<Kind, string>> = {
  zh: { name: '[姓名]', phone: '[电话]', id: '[身份证号]', email: '[邮箱]', address: '[地址]', number: '[号码]' },
  en: { name: '[NAME]', phone: '[PHONE]', id: '[ID NUMBER]', email: '[EMAIL]', address: '[ADDRESS]', number: '[NUMBER]' },
};

// Placeholders are first written as private-use sentinels, so that a later
// pattern (a name such as "Id") can never match inside an earlier placeholder.
const KINDS: readonly Kind[] = ['name', 'phone', 'id', 'email', 'address', 'number'];
const SENTINEL = (kind: Kind) => `\uE000${String.fromCharCode(0xe100 + KINDS.indexOf(kind))}\uE001`;
const SENTINEL_PATTERN = /\uE000([\uE100-\uE105])\uE001/g;
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

const HAN = /[\u3400-\u9fff]/;

// ── numbers ────────────────────────────────────────────────────────────────

/** Digit groups joined by single spaces or dashes (ASCII, en/em, full-width), optionally "+86", "(0734)" and a final X. */
const NUMBER_RUN =
  /(?<!\d)(?:[+＋]\s?)?(?:[(（]\s*\d{2,4}\s*[)）][ \-–—－\u3000]?)?\d(?:[ \-–—－\u3000]?\d){6,}(?:[Xx](?![A-Za-z]))?(?!\d)/g;
const DATE_LIKE = /^\d{4}[-–—－ /.]\d{1,2}[-–—－ /.]\d{1,2}$/;

function classifyNumber(raw: string): Kind | undefined {
  if (DATE_LIKE.test(raw)) return undefined;
  const digits = raw.replace(/[^\dXx]/g, '');
  const national = digits.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, '');
  if (/^1[3-9]\d{9}$/.test(national)) return 'phone';
  if (/^\d{17}[\dXx]$/.test(digits) || /^\d{15}$/.test(digits)) return 'id';
  if (/[Xx]/.test(digits)) return 'number';
  // Landline with area code (0734-8123456), 400/800 numbers, local landlines, other 10–11 digit phone numbers.
  if (/^0\d{9,11}$/.test(digits) || /^[48]00\d{7}$/.test(digits) || /^\d{7,8}$/.test(digits) || /^1?\d{10}$/.test(digits)) return 'phone';
  return 'number';
}

// ── addresses ──────────────────────────────────────────────────────────────

/**
 * A character of a place name: Han, Latin or a digit, but not a word that
 * usually precedes an address ("我住在", "搬到了", "这个"), so that the match
 * starts at the place name and the sentence around it survives.
 */
const PLACE_CHAR = String.raw`(?:(?![我你您他她它们的在住到去回从是跟与或就也都还很要想了吗呢吧啊这那哪有没不个近过说叫给让被把对向往离])[\u4e00-\u9fffA-Za-z0-9])`;
const NUM = String.raw`[0-9一二三四五六七八九十百零〇两]+`;
const UNIT = String.raw`(?:号楼|號樓|栋|棟|幢|座|单元|單元|楼|樓|层|層|室|户|戶|号|號|房)`;
/** Building, unit and room after a place: "3栋2单元501室", or a bare room number at the end ("2单元501"). */
const UNITS = String.raw`(?:\s*${NUM}\s*${UNIT})*(?:\s*\d{2,4}(?!\d))?`;
const ROAD = String.raw`${PLACE_CHAR}{1,16}?(?:大道|大街|路|街|巷|胡同)(?:${NUM}段)?(?:\s*\d+\s*(?:巷|弄))*\s*${NUM}\s*(?:号|號)(?:院)?${UNITS}`;
const COMPOUND = String.raw`${PLACE_CHAR}{1,12}?(?:小区|小區|花园|花園|公寓|大厦|大廈|家园|家園|新村|山庄|山莊|宿舍|苑)${UNITS}`;
const VILLAGE = String.raw`${PLACE_CHAR}{1,10}?(?:村|社区|社區)\s*${NUM}\s*(?:组|組|栋|棟|幢|号|號)${UNITS}`;
const BUILDING = String.raw`${NUM}\s*(?:号楼|號樓|栋|棟|幢)${UNITS}|\d+\s*(?:单元|單元)\s*\d{2,4}(?:\s*(?:室|号|號))?|\d{3,4}\s*(?:室|房间|房間)|\d+\s*弄(?:\s*\d+\s*(?:号|號))?`;
const ZH_ADDRESS = new RegExp(`${ROAD}|${COMPOUND}|${VILLAGE}|${BUILDING}`, 'g');

const STREET_SUFFIX = 'street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|crescent|close|highway|hwy|lu|jie';
/** Words that are never part of a street name: keeps "2 pills at the street" intact. */
const NOT_STREET_WORD =
  'the|a|an|at|in|on|to|of|and|or|my|your|his|her|their|our|this|that|for|with|from|by|pills?|tablets?|bags?|grams?|hours?|days?|weeks?|months?|years?|times?|minutes?|mins?|people|miles?|blocks?|km';
const EN_STREET = new RegExp(
  String.raw`\b\d{1,5}[A-Za-z]?,?(?:\s+(?!(?:${NOT_STREET_WORD})\b)[A-Za-z][A-Za-z'.-]*){1,4}\s+(?:${STREET_SUFFIX})\b\.?`,
  'gi',
);
const EN_UNIT = /\b(?:apt|apartment|flat|suite|room|rm|unit|bldg|building|block|blk|floor)\.?\s*(?:no\.?\s*)?#?\s*\d+[A-Za-z]?\b/gi;

// ── e-mail ─────────────────────────────────────────────────────────────────

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// ── names ──────────────────────────────────────────────────────────────────

const COMPOUND_SURNAMES = ['欧阳', '歐陽', '司马', '司馬', '上官', '诸葛', '諸葛', '东方', '東方', '皇甫', '慕容', '司徒', '令狐', '夏侯', '尉迟', '公孙', '长孙', '宇文'];

/** Everyday words that a derived form of a name (小+surname, given name) could collide with; never redacted as derived forms. */
const COMMON_WORDS = new Set([
  '小时', '小時', '老师', '老師', '小心', '小说', '小說', '老实', '老實', '小学', '小學', '老家', '小孩', '老公', '老婆', '小姐', '老板', '老闆',
  '阿姨', '小区', '小區', '老人', '小便', '老大', '小吃', '老乡', '老鄉', '小事', '老年', '小组', '小組', '阿婆', '阿公', '小子', '老子', '小妹',
  '妈妈', '媽媽', '爸爸', '哥哥', '姐姐', '弟弟', '妹妹', '儿子', '兒子', '女儿', '女兒', '母亲', '母親', '父亲', '父親', '爷爷', '爺爺', '奶奶',
  '社工', '警官', '民警', '医生', '醫生', '大夫', '护士', '護士', '站长', '站長', '主任', '大哥', '大姐',
  '阿妈', '阿媽', '阿爸', '阿哥', '阿姐', '阿弟', '阿妹', '小小', '老小', '外婆', '姥姥', '丈夫', '妻子', '媳妇', '媳婦', '国庆', '國慶', '平安', '明天', '今天', '春节', '春節',
]);

/** Short Latin tokens that are also English words: matched only as written (capitalised), never case-insensitively. */
const ENGLISH_WORDS = new Set(['an', 'he', 'ma', 'do', 'go', 'so', 'no', 'on', 'in', 'it', 'be', 'me', 'we', 'us', 'am', 'is', 'as', 'at', 'by', 'my', 'or', 'to', 'up', 'yes', 'son', 'man', 'fan', 'may', 'will', 'mark', 'hope', 'rose', 'long', 'gang', 'bin', 'ping', 'hang', 'sang', 'king', 'lee', 'joy', 'sun', 'guo', 'you', 'yu', 'he', 'pat', 'bill', 'art', 'ray', 'sky']);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface NameForm {
  form: string;
  /** Latin forms match on word boundaries; caseless unless the form is also an English word. */
  latin: boolean;
  caseless: boolean;
}

function hanNameForms(name: string): string[] {
  const forms = [name];
  if (name.length < 2 || name.length > 5) return forms;
  const last = name.slice(-1);
  if (name.length === 2 && '小老阿'.includes(name.slice(0, 1))) {
    // Already a nickname ("小王", "老李", "阿明"): its sister forms.
    for (const form of [`小${last}`, `老${last}`, `阿${last}`]) if (form !== name && !COMMON_WORDS.has(form)) forms.push(form);
    return forms;
  }
  const compound = COMPOUND_SURNAMES.find((s) => name.startsWith(s) && name.length > s.length);
  const surname = compound ?? name.slice(0, 1);
  const given = name.slice(surname.length);
  const derived = [
    given.length >= 2 ? given : undefined,
    `小${last}`,
    `阿${last}`,
    surname.length === 1 ? `老${surname}` : undefined,
    surname.length === 1 ? `小${surname}` : undefined,
    compound,
  ];
  for (const form of derived) if (form && form !== name && !COMMON_WORDS.has(form)) forms.push(form);
  return forms;
}

function nameForms(names: readonly string[]): NameForm[] {
  const forms = new Map<string, NameForm>();
  const add = (form: string, latin: boolean) => {
    if (form.length < 2) return;
    const caseless = latin && !ENGLISH_WORDS.has(form.toLowerCase());
    const key = caseless ? form.toLowerCase() : form;
    if (!forms.has(key)) forms.set(key, { form, latin, caseless });
  };
  for (const raw of names) {
    const name = raw.normalize('NFC').replace(PRIVATE_USE, '').trim();
    if (name === '') continue;
    add(name, !HAN.test(name));
    // Nicknames with emoji or decoration ("🌸小花🌸", "Wang_Wei"): their letters, as runs.
    for (const run of name.match(/[\u3400-\u9fff]{2,}/g) ?? []) for (const form of hanNameForms(run)) add(form, false);
    const latinTokens = name.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
    if (latinTokens.length > 1) add(latinTokens.join(' '), true);
    for (const token of latinTokens) add(token, true);
  }
  // Longest first, so "王小明" wins over "小明".
  return [...forms.values()].sort((a, b) => b.form.length - a.form.length);
}

function replaceNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const { form, latin, caseless } of nameForms(names)) {
    const body = latin ? escapeRegExp(form).replace(/ +/g, '\\s+') : escapeRegExp(form);
    const pattern = latin ? new RegExp(`(?<![A-Za-z])${body}(?![A-Za-z])`, caseless ? 'gi' : 'g') : new RegExp(body, 'g');
    out = out.replace(pattern, SENTINEL('name'));
  }
  return out;
}

/** Judged on what is left, so that "My son 王小明" stays English; with no words left, on the original. */
function textLang(remaining: string, original: string): PlaceholderLang {
  if (HAN.test(remaining)) return 'zh';
  if (/[A-Za-z]/.test(remaining)) return 'en';
  return HAN.test(original) ? 'zh' : 'en';
}

// ── entry point ────────────────────────────────────────────────────────────

/**
 * `pseudonymise("我是王小明，电话138 1234 5678", ["王小明"])` → "我是[姓名]，电话[电话]".
 * Known names also match in their usual short forms (小明, 老王, 阿明; a
 * Latin name's single words, in any case).
 */
export function pseudonymise(text: string, knownNames: readonly string[] = [], options: PseudonymiseOptions = {}): string {
  let out = text
    .replace(PRIVATE_USE, '')
    // Full-width digits and X typed with a Chinese keyboard.
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/Ｘ/g, 'X')
    .replace(/ｘ/g, 'x');
  out = out.replace(EMAIL, SENTINEL('email'));
  out = out.replace(NUMBER_RUN, (match) => {
    const kind = classifyNumber(match);
    return kind ? SENTINEL(kind) : match;
  });
  out = out.replace(ZH_ADDRESS, SENTINEL('address'));
  out = out.replace(EN_STREET, SENTINEL('address'));
  out = out.replace(EN_UNIT, SENTINEL('address'));
  out = replaceNames(out, knownNames);
  const lang: PlaceholderLang = options.placeholders === 'zh' || options.placeholders === 'en' ? options.placeholders : textLang(out, text);
  const placeholders = PLACEHOLDERS[lang];
  return out.replace(SENTINEL_PATTERN, (_, code: string) => placeholders[KINDS[code.charCodeAt(0) - 0xe100] ?? 'number']);
}
