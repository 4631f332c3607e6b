import { describe, expect, it } from 'vitest';
import { llmEnvSchema, llmOptionsFromEnv, NO_API_KEY } from '../../../src/llm/env.js';

const parse = (env: Record<string, string>) => llmEnvSchema.parse(env);

describe('llmEnvSchema and llmOptionsFromEnv', () => {
  it('gives undefined without OPENAI_MODEL: no model, rules only', () => {
    expect(llmOptionsFromEnv(parse({}))).toBeUndefined();
    expect(llmOptionsFromEnv(parse({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }))).toBeUndefined();
  });

  it('applies the defaults', () => {
    const env = parse({ OPENAI_MODEL: 'gpt-4o-mini', OPENAI_API_KEY: 'sk-x' });
    expect(env).toMatchObject({ OPENAI_TIMEOUT_MS: 10_000, RISK_MODEL_ENABLED: false, RISK_MODEL_TIMEOUT_MS: 3_000 });
    expect(llmOptionsFromEnv(env)).toEqual({
      apiKey: 'sk-x',
      model: 'gpt-4o-mini',
      timeoutMs: 10_000,
      riskModel: { enabled: false, timeoutMs: 3_000 },
    });
  });

  it('reads a local OpenAI-compatible server without a key', () => {
    const options = llmOptionsFromEnv(
      parse({
        OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1/',
        OPENAI_MODEL: 'qwen2.5:7b',
        OPENAI_TIMEOUT_MS: '15000',
        RISK_MODEL_ENABLED: 'true',
        RISK_MODEL_TIMEOUT_MS: '1500',
      }),
    );
    expect(options).toEqual({
      baseURL: 'http://127.0.0.1:11434/v1',
      apiKey: NO_API_KEY,
      model: 'qwen2.5:7b',
      timeoutMs: 15_000,
      riskModel: { enabled: true, timeoutMs: 1_500 },
    });
  });

  it('rejects combinations that cannot work, naming the variable', () => {
    const risk = llmEnvSchema.safeParse({ RISK_MODEL_ENABLED: 'yes' });
    expect(risk.success).toBe(false);
    expect(risk.error?.issues[0]?.path).toEqual(['OPENAI_MODEL']);
    const key = llmEnvSchema.safeParse({ OPENAI_MODEL: 'gpt-4o-mini' });
    expect(key.error?.issues[0]?.path).toEqual(['OPENAI_API_KEY']);
    expect(() => llmOptionsFromEnv({ OPENAI_MODEL: 'm', OPENAI_TIMEOUT_MS: 1, RISK_MODEL_ENABLED: false, RISK_MODEL_TIMEOUT_MS: 1 })).toThrow(
      /OPENAI_API_KEY/,
    );
  });

  it('rejects bad values', () => {
    expect(llmEnvSchema.safeParse({ OPENAI_BASE_URL: 'ftp://x' }).success).toBe(false);
    expect(llmEnvSchema.safeParse({ OPENAI_TIMEOUT_MS: 'soon' }).success).toBe(false);
    // Longer than the inbound transaction may stay open.
    expect(llmEnvSchema.safeParse({ OPENAI_TIMEOUT_MS: '30000' }).success).toBe(false);
    expect(llmEnvSchema.safeParse({ RISK_MODEL_ENABLED: 'maybe' }).success).toBe(false);
  });
});
