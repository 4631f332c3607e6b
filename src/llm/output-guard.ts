/**
 * The last check on a model's free-chat reply before anyone sees it. The
 * prompt asks for all of this; the guard does not trust that it was obeyed.
 * A reply that fails is dropped, never edited: the rule-based answer goes out
 * instead. It errs towards dropping ("我不能告诉你剂量" is dropped too).
 */

export type GuardViolation =
  /** Doses, quantities with units, methadone amounts. */
  | 'dosing'
  /** Where or how to get, buy or use drugs. */
  | 'obtaining'
  /** Predictions about compulsory isolation, detention, sentences. */
  | 'legal'
  /** Claims to be a person. */
  | 'human'
  /** A phone number that is not one of the station's reviewed numbers. */
  | 'phone-number';

const RULES: ReadonlyArray<readonly [GuardViolation, RegExp]> = [
  ['dosing', /剂量|劑量|用量|毫克|毫升|加量|减量|減量/],
  ['dosing', /\d+(?:\.\d+)?\s*(?:mg|μg|mcg|ml|g|克|毫克|毫升|片|粒|颗|顆|支|口)(?![a-z])/i],
  ['dosing', /\b(?:mg|milligrams?|dosage|dosing|doses?|overdose threshold)\b/i],
  ['obtaining', /(?:在|去)?哪(?:里|裡|儿|兒)(?:能|可以|才能|去)?(?:买|買|弄|搞|拿|找到货|找到貨)/],
  ['obtaining', /(?:怎么|怎麼|如何|怎样|怎樣)(?:才能)?(?:买|買|弄到|搞到|买到|買到|拿到货|拿到貨|联系上家|聯繫上家|吸|注射|溜冰|打针|打針)/],
  ['obtaining', /购买渠道|購買渠道|进货|進貨|拿货|拿貨|暗网|暗網|网上买|網上買|卖家联系|賣家聯繫|上家的?(?:电话|電話|微信|联系方式|聯繫方式)/],
  ['obtaining', /\bwhere (?:to|can (?:i|you|one|we)|do (?:i|you|people)|could (?:i|you)) (?:buy|score|cop|purchase|get hold of)\b/i],
  ['obtaining', /\bhow (?:to|do (?:i|you)|can (?:i|you)) (?:buy|score|cop|purchase|inject|snort|smoke|cook|shoot up|pass a (?:urine|drug|hair) test|beat a (?:urine|drug|hair) test)\b/i],
  ['obtaining', /\b(?:dark ?web|darknet|dealer'?s (?:number|contact)|your (?:plug|dealer))\b/i],
  ['legal', /(?:会|會|将|將|肯定|一定)(?:被)?(?:强制隔离|強制隔離|强戒|強戒|判刑|判|拘留|关起来|關起來|坐牢)/],
  ['legal', /(?:不会|不會)(?:被)?(?:强制隔离|強制隔離|强戒|強戒|判刑|拘留|坐牢)/],
  ['legal', /\byou(?: will|'ll| won't| will not)(?: definitely| probably)? (?:be )?(?:sent to|go to|get|be put in) (?:compulsory|jail|prison|detention|isolation)/i],
  ['human', /我(?:是|就是)(?:一个)?(?:真人|真正的人|人类|人類|活人)|我不是(?:机器人|機器人|AI|程序)/i],
  ['human', /\bI(?:'m| am) (?:a )?(?:real )?(?:human|person)\b|\bI(?:'m| am) not (?:a |an )?(?:bot|AI|robot|program)\b/i],
];

/** Digit runs that look like phone numbers: five or more digits, with spaces or dashes between, not an amount of money or a year. */
const PHONE_LIKE = /(?<!\d)\+?\d(?:[ \-–—]?\d){4,}(?!\d)(?!\s*(?:元|块|塊|yuan|rmb|人|次|天|%))/gi;

export interface GuardOptions {
  /** Numbers the reply may contain (hotlines, emergency numbers), any format. */
  allowedNumbers?: readonly string[];
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** The first rule a reply breaks, or undefined when it may be sent. */
export function checkModelReply(reply: string, options: GuardOptions = {}): GuardViolation | undefined {
  for (const [violation, pattern] of RULES) if (pattern.test(reply)) return violation;
  const allowed = new Set((options.allowedNumbers ?? []).map(digitsOf).filter((d) => d.length > 0));
  for (const match of reply.matchAll(PHONE_LIKE)) {
    if (!allowed.has(digitsOf(match[0]))) return 'phone-number';
  }
  return undefined;
}
