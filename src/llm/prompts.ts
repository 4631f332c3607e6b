import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One versioned prompt file, as loaded at start. */
export interface Prompt {
  /** e.g. "free-chat-participant.v1": the file name without ".md"; goes into logs. */
  version: string;
  /** The text sent to the model, with reviewer comments (<!-- … -->) removed; may hold {{placeholders}}. */
  text: string;
  /** First 12 hex digits of the text's SHA-256, to spot an edit made without a new version. */
  hash: string;
}

export interface Prompts {
  freeChatParticipant: Prompt;
  freeChatFamily: Prompt;
  riskAssessor: Prompt;
}

/** Which file each prompt comes from. A change in behaviour gets a new file and a new version here. */
export const PROMPT_FILES = {
  freeChatParticipant: 'free-chat-participant.v1.md',
  freeChatFamily: 'free-chat-family.v1.md',
  riskAssessor: 'risk-assessor.v1.md',
} as const satisfies Record<keyof Prompts, string>;

/** Placeholders each prompt may use; anything else in {{…}} is a mistake caught at start. */
const ALLOWED_PLACEHOLDERS: Record<keyof Prompts, readonly string[]> = {
  freeChatParticipant: ['language', 'hotlines', 'emergency'],
  freeChatFamily: ['language', 'hotlines', 'emergency'],
  riskAssessor: [],
};

export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export class PromptError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`prompt ${file}: ${problem}`);
    this.name = 'PromptError';
  }
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/**
 * Reads every prompt once, at start. Throws PromptError for a missing or
 * empty file or an unknown placeholder, so a bad deployment fails at start
 * instead of at the first message.
 */
export function loadPrompts(dir: string = DEFAULT_PROMPTS_DIR): Prompts {
  const load = (key: keyof Prompts): Prompt => {
    const file = PROMPT_FILES[key];
    let raw: string;
    try {
      raw = readFileSync(path.join(dir, file), 'utf8');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new PromptError(file, code === 'ENOENT' ? `missing in ${dir}` : `unreadable (${String(code ?? 'error')})`);
    }
    const text = raw.replace(/<!--[\s\S]*?-->/g, '').replace(/\n{3,}/g, '\n\n').trim();
    if (text === '') throw new PromptError(file, 'is empty');
    const allowed = ALLOWED_PLACEHOLDERS[key];
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? '';
      if (!allowed.includes(name)) throw new PromptError(file, `unknown placeholder {{${name}}} (allowed: ${allowed.join(', ') || 'none'})`);
    }
    return { version: file.replace(/\.md$/, ''), text, hash: createHash('sha256').update(text).digest('hex').slice(0, 12) };
  };
  return { freeChatParticipant: load('freeChatParticipant'), freeChatFamily: load('freeChatFamily'), riskAssessor: load('riskAssessor') };
}

/** Fills {{placeholders}}; one without a value is a programming error and throws. */
export function renderPrompt(prompt: Prompt, values: Readonly<Record<string, string>>): string {
  return prompt.text.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new PromptError(`${prompt.version}.md`, `no value for {{${name}}}`);
    return value;
  });
}
