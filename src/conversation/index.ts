export { createConversationEngine } from './engine.js';
export { createRuleAnswerer } from './rule-answerer.js';
export { beginCheckIn } from './begin-check-in.js';
export { conversationContentRows, CONVERSATION_SEED_CONTENT } from './content/index.js';
export type { ConversationDeps, FreeTextAnswerer, FreeTextRequest, HistoryEntry } from './types.js';
