export * from './types.js';
export { assessText, type AssessTextOptions } from './assess.js';
export { assessRules, type AssessRulesOptions } from './rules.js';
export * from './signals.js';
export { combineRisk, raiseOnly } from './combine.js';
export { getLexicon, loadLexicon, LexiconError, type Lexicon } from './lexicon-loader.js';
export { normalizeText, detectLang } from './normalize.js';
export * from './evaluate.js';
