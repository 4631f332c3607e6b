import type { StaffRole } from '../../generated/prisma/client.js';
import { adminLocale, type AdminLocale } from '../i18n/index.js';

/** The signed-in staff member, as every page and API route sees them. */
export interface StaffPrincipal {
  id: string;
  role: StaffRole;
  stationId: string | null;
  login: string;
  displayName: string;
  locale: AdminLocale;
}

export function toPrincipal(user: {
  id: string;
  role: StaffRole;
  stationId: string | null;
  login: string;
  displayName: string;
  locale: string;
}): StaffPrincipal {
  return {
    id: user.id,
    role: user.role,
    stationId: user.stationId,
    login: user.login,
    displayName: user.displayName,
    locale: adminLocale(user.locale),
  };
}
