import { describe, expect, it } from 'vitest';
import { createLlmServices, PromptError } from '../../../src/llm/index.js';
import { captureLog, llmOptions } from './helpers.js';

describe('createLlmServices', () => {
  const { log } = captureLog();

  it('is undefined without a model', () => {
    expect(createLlmServices(undefined, { log })).toBeUndefined();
  });

  it('builds the client, prompts and answerer, and the assessor only when enabled', () => {
    const on = createLlmServices(llmOptions('http://127.0.0.1:9/v1'), { log });
    expect(on?.client.model).toBe('test-model');
    expect(on?.prompts.freeChatParticipant.version).toBe('free-chat-participant.v1');
    expect(typeof on?.freeText.answer).toBe('function');
    expect(typeof on?.riskAssessor?.assess).toBe('function');
    const off = createLlmServices(llmOptions('http://127.0.0.1:9/v1', { riskModel: { enabled: false, timeoutMs: 3_000 } }), { log });
    expect(off?.riskAssessor).toBeUndefined();
  });

  it('fails at start when the prompts are missing', () => {
    expect(() => createLlmServices(llmOptions('http://127.0.0.1:9/v1'), { log, promptsDir: '/nonexistent' })).toThrow(PromptError);
  });
});
