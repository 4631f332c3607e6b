import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROMPTS_DIR, loadPrompts, PROMPT_FILES, PromptError, renderPrompt } from '../../../src/llm/prompts.js';

function copyPrompts(change: (name: string, text: string) => string | undefined): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tx-prompts-'));
  for (const file of Object.values(PROMPT_FILES)) {
    const text = change(file, readFileSync(path.join(DEFAULT_PROMPTS_DIR, file), 'utf8'));
    if (text !== undefined) writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('loadPrompts', () => {
  const prompts = loadPrompts();

  it('loads the versioned files from prompts/ with their version strings', () => {
    expect(prompts.freeChatParticipant.version).toBe('free-chat-participant.v1');
    expect(prompts.freeChatFamily.version).toBe('free-chat-family.v1');
    expect(prompts.riskAssessor.version).toBe('risk-assessor.v1');
    for (const prompt of Object.values(prompts)) {
      expect(prompt.hash).toMatch(/^[0-9a-f]{12}$/);
      // Reviewer comments are not sent.
      expect(prompt.text).not.toContain('<!--');
    }
  });

  it('carries the safety rules in both chat prompts', () => {
    for (const prompt of [prompts.freeChatParticipant, prompts.freeChatFamily]) {
      const text = prompt.text;
      expect(text).toContain('不放弃、不抛弃、不嫌弃');
      expect(text).toMatch(/Never give information that helps anyone use, obtain, buy/);
      expect(text).toMatch(/Never give doses/);
      expect(text).toContain('美沙酮');
      expect(text).toMatch(/Never predict legal outcomes/);
      expect(text).toContain('强制隔离戒毒');
      expect(text).toMatch(/Never say or suggest that you are a human/);
      expect(text).toMatch(/ignore your instructions/);
      expect(text).toMatch(/caseworker/);
      expect(text).toContain('{{hotlines}}');
      expect(text).toContain('{{language}}');
      expect(text).toMatch(/Short: at most 3 or 4 short sentences/);
    }
  });

  it('asks the assessor for JSON with the fixed categories', () => {
    const text = prompts.riskAssessor.text;
    expect(text).toContain('JSON');
    for (const category of ['suicide', 'self_harm', 'overdose', 'relapse', 'craving', 'acquiring', 'violence', 'dropout', 'distress']) {
      expect(text).toContain(`"${category}"`);
    }
    expect(text).toMatch(/"time_frame": "current" \| "past"/);
  });

  it('fails loudly when a file is missing or empty', () => {
    const missing = copyPrompts((file, text) => (file === PROMPT_FILES.riskAssessor ? undefined : text));
    expect(() => loadPrompts(missing)).toThrow(PromptError);
    expect(() => loadPrompts(missing)).toThrow(/risk-assessor\.v1\.md: missing/);
    const empty = copyPrompts((file, text) => (file === PROMPT_FILES.freeChatFamily ? '<!-- only a note -->\n' : text));
    expect(() => loadPrompts(empty)).toThrow(/free-chat-family\.v1\.md: is empty/);
  });

  it('rejects an unknown placeholder at start', () => {
    const dir = copyPrompts((file, text) => (file === PROMPT_FILES.freeChatParticipant ? `${text}\n{{caseworkerName}}` : text));
    expect(() => loadPrompts(dir)).toThrow(/unknown placeholder \{\{caseworkerName\}\}/);
  });

  it('renders placeholders and refuses to send one without a value', () => {
    const text = renderPrompt(prompts.freeChatParticipant, { language: 'English', hotlines: '- Line: 12356', emergency: '120' });
    expect(text).toContain('Reply in English');
    expect(text).toContain('- Line: 12356');
    expect(text).not.toMatch(/\{\{/);
    expect(() => renderPrompt(prompts.freeChatParticipant, { language: 'English' })).toThrow(/no value for \{\{hotlines\}\}/);
  });
});
