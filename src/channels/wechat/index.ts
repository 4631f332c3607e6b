/** WeChat through Wechaty: see docs/wechat.md. */
export { createWechatChannel } from './channel.js';
export { wechatEnvSchema, wechatOptionsFromEnv, WECHAT_PUPPETS, type WechatEnv, type WechatEnvDeps, type WechatPuppetName } from './env.js';
export { WECHAT_CAPABILITIES, type InviteCodeSender, type WechatChannelOptions } from './options.js';
export { renderNumberedChoices, splitText } from './render.js';
// Friend-request greetings are read the same way as codes sent in any chat.
export { extractInviteCode } from '../../core/invite-code.js';
