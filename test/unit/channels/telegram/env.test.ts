import { describe, expect, it } from 'vitest';
import { telegramEnvSchema, telegramOptionsFromEnv } from '../../../../src/channels/telegram/index.js';

const token = '123456789:AAFakeTokenForTongxingTests_0123456789';

describe('telegramEnvSchema', () => {
  it('leaves Telegram off without a token, in webhook mode by default', () => {
    const env = telegramEnvSchema.parse({});
    expect(env).toEqual({ TELEGRAM_MODE: 'webhook' });
    expect(telegramOptionsFromEnv(env, 'https://tongxing.example.org')).toBeUndefined();
  });

  it('requires the webhook secret in webhook mode, not in polling mode', () => {
    const missing = telegramEnvSchema.safeParse({ TELEGRAM_BOT_TOKEN: token });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(['TELEGRAM_WEBHOOK_SECRET']);
    expect(telegramEnvSchema.safeParse({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: 'polling' }).success).toBe(true);
  });

  it('takes secrets Telegram takes: 1–256 letters, digits, _ and -', () => {
    const secret = (value: string) => telegramEnvSchema.safeParse({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: value }).success;
    expect(secret('abc_DEF-123')).toBe(true);
    expect(secret('a'.repeat(256))).toBe(true);
    expect(secret('a'.repeat(257))).toBe(false);
    expect(secret('with space')).toBe(false);
    expect(secret('')).toBe(false);
  });

  it('refuses a token that is not a bot token, a bad mode and a non-http API root', () => {
    expect(telegramEnvSchema.safeParse({ TELEGRAM_BOT_TOKEN: 'not-a-token', TELEGRAM_MODE: 'polling' }).success).toBe(false);
    expect(telegramEnvSchema.safeParse({ TELEGRAM_MODE: 'push' }).success).toBe(false);
    expect(telegramEnvSchema.safeParse({ TELEGRAM_API_ROOT: 'ftp://example.org' }).success).toBe(false);
  });

  it('gives channel options with the public URL for webhook registration', () => {
    const env = telegramEnvSchema.parse({
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_WEBHOOK_SECRET: 's3cret',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
    });
    expect(telegramOptionsFromEnv(env, 'https://tongxing.example.org/')).toEqual({
      token,
      mode: 'webhook',
      webhookSecret: 's3cret',
      apiRoot: 'http://127.0.0.1:8081',
      publicUrl: 'https://tongxing.example.org',
    });
    expect(telegramOptionsFromEnv(telegramEnvSchema.parse({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: 'polling' }), undefined)).toEqual({
      token,
      mode: 'polling',
    });
  });

  it('throws when the refinement was skipped and the secret is missing', () => {
    expect(() => telegramOptionsFromEnv({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: 'webhook' }, undefined)).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });
});
