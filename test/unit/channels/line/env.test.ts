import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lineEnvSchema, lineOptionsFromEnv, refineLineEnv } from '../../../../src/channels/line/index.js';

describe('LINE environment', () => {
  it('is off without credentials', () => {
    expect(lineOptionsFromEnv(lineEnvSchema.parse({}))).toBeUndefined();
  });

  it('is on with both credentials, pointing at another API when asked', () => {
    const env = lineEnvSchema.parse({
      LINE_CHANNEL_SECRET: 's',
      LINE_CHANNEL_ACCESS_TOKEN: 't',
      LINE_API_BASE_URL: 'http://127.0.0.1:9999/',
    });
    expect(lineOptionsFromEnv(env)).toEqual({ channelSecret: 's', channelAccessToken: 't', apiBaseUrl: 'http://127.0.0.1:9999' });
  });

  it.each([
    [{ LINE_CHANNEL_SECRET: 's' }, 'LINE_CHANNEL_ACCESS_TOKEN'],
    [{ LINE_CHANNEL_ACCESS_TOKEN: 't' }, 'LINE_CHANNEL_SECRET'],
  ])('names the missing credential when only one is set', (env, missing) => {
    const result = lineEnvSchema.safeParse(env);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([missing]);
    expect(() => lineOptionsFromEnv(env)).toThrow(missing);
  });

  it('keeps the check when merged into a larger schema through refineLineEnv', () => {
    const merged = z.object({ PORT: z.string().optional(), ...lineEnvSchema.shape }).superRefine(refineLineEnv);
    const result = merged.safeParse({ LINE_CHANNEL_SECRET: 's' });
    expect(result.error?.issues[0]?.path).toEqual(['LINE_CHANNEL_ACCESS_TOKEN']);
  });

  it('refuses a base URL that is not an http(s) origin', () => {
    expect(lineEnvSchema.safeParse({ LINE_API_BASE_URL: 'ftp://example.com' }).success).toBe(false);
    expect(lineEnvSchema.safeParse({ LINE_API_BASE_URL: 'http://proxy.example/line' }).success).toBe(false);
  });
});
