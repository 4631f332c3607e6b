import { describe, expect, it } from 'vitest';
import { wechatEnvSchema, wechatOptionsFromEnv } from '../../../../src/channels/wechat/env.js';

const deps = { dataDir: '/var/lib/tongxing', verifyInviteCode: async () => true };

describe('wechat environment', () => {
  it('leaves WeChat off when WECHATY_PUPPET is unset', () => {
    expect(wechatOptionsFromEnv(wechatEnvSchema.parse({}), deps)).toBeUndefined();
  });

  it('builds options from the puppet, token and name', () => {
    const env = wechatEnvSchema.parse({
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_TOKEN: 'puppet_padlocal_abc',
      WECHATY_NAME: 'station-3',
    });
    expect(wechatOptionsFromEnv(env, deps)).toEqual({
      puppet: 'wechaty-puppet-service',
      puppetToken: 'puppet_padlocal_abc',
      name: 'station-3',
      dataDir: '/var/lib/tongxing',
      verifyInviteCode: deps.verifyInviteCode,
    });
  });

  it.each([
    [{ WECHATY_PUPPET: 'wechaty-puppet-wechaty4u' }, 'WECHATY_PUPPET'],
    [{ WECHATY_PUPPET: 'wechaty-puppet-wechat4u', WECHATY_NAME: '../../etc/bot' }, 'WECHATY_NAME'],
  ])('rejects %j', (env, variable) => {
    const result = wechatEnvSchema.safeParse(env);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([variable]);
  });
});
