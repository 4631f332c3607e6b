import type { OfficialPuppetNpmName } from 'wechaty';
import { z } from 'zod';
import type { WechatChannelOptions } from './options.js';

/**
 * Puppets this service knows how to run. wechat4u drives a personal account
 * through the web protocol; puppet-service talks gRPC to a puppet gateway
 * (PadLocal and other token providers); mock is for development only.
 */
export const WECHAT_PUPPETS = [
  'wechaty-puppet-wechat4u',
  'wechaty-puppet-service',
  'wechaty-puppet-mock',
] as const satisfies readonly OfficialPuppetNpmName[];

export type WechatPuppetName = (typeof WECHAT_PUPPETS)[number];

/** The WeChat part of the environment; merge its shape into the service's EnvSchema. */
export const wechatEnvSchema = z.object({
  /** Enables WeChat. */
  WECHATY_PUPPET: z.enum(WECHAT_PUPPETS).optional(),
  /** Token for wechaty-puppet-service (e.g. puppet_padlocal_…). */
  WECHATY_PUPPET_TOKEN: z.string().min(1).optional(),
  /** Name of the login-session file under DATA_DIR/wechat/. */
  WECHATY_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, "_" or "-"')
    .optional(),
});

export type WechatEnv = z.infer<typeof wechatEnvSchema>;

export interface WechatEnvDeps {
  dataDir: string;
  verifyInviteCode: WechatChannelOptions['verifyInviteCode'];
}

/** Channel options from a parsed environment, or undefined when WeChat is off. */
export function wechatOptionsFromEnv(env: WechatEnv, deps: WechatEnvDeps): WechatChannelOptions | undefined {
  if (!env.WECHATY_PUPPET) return undefined;
  return {
    puppet: env.WECHATY_PUPPET,
    puppetToken: env.WECHATY_PUPPET_TOKEN,
    name: env.WECHATY_NAME,
    dataDir: deps.dataDir,
    verifyInviteCode: deps.verifyInviteCode,
  };
}
