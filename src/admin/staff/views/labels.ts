import type { Channel, StaffRole } from '../../../generated/prisma/client.js';
import type { AdminMessageKey, Translate } from '../../i18n/index.js';

const ROLE: Record<StaffRole, AdminMessageKey> = { ADMIN: 'staff.role.ADMIN', SUPERVISOR: 'staff.role.SUPERVISOR', CASEWORKER: 'staff.role.CASEWORKER' };
const CHANNEL: Record<Channel, AdminMessageKey> = {
  TELEGRAM: 'staff.channel.TELEGRAM',
  LINE: 'staff.channel.LINE',
  WECHAT: 'staff.channel.WECHAT',
  WEB: 'staff.channel.WEB',
};
const LOCALE: Record<string, AdminMessageKey> = { 'zh-CN': 'staff.locale.zh-CN', 'zh-TW': 'staff.locale.zh-TW', en: 'staff.locale.en' };

export const roleLabel = (t: Translate, role: StaffRole) => t(ROLE[role]);
export const channelLabel = (t: Translate, channel: Channel) => t(CHANNEL[channel]);
export function localeLabel(t: Translate, locale: string): string {
  const key = LOCALE[locale];
  return key ? t(key) : locale;
}
