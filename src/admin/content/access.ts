import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { scopesFor } from '../../conversation/content/lookup.js';
import { DEFAULT_LOCALE } from '../../i18n/index.js';
import type { StaffPrincipal } from '../access/principal.js';
import type { Access } from '../access/scope.js';

/**
 * Who may read and edit content. ADMIN: everything. Station staff read what
 * applies to their station (national, their region, their station's own);
 * SUPERVISOR edits only their station's own entries; CASEWORKER reads only.
 */
export interface ContentRights {
  read: Prisma.ContentEntryWhereInput;
  /** The one scope a supervisor may write; undefined for admins (any) and caseworkers (none). */
  ownScope: string | undefined;
  canCreate: boolean;
  isAdmin: boolean;
}

const NOTHING: Prisma.ContentEntryWhereInput = { id: { in: [] } };

export function stationScope(stationId: string): string {
  return `station:${stationId}`;
}

export async function contentRights(prisma: PrismaClient, staff: StaffPrincipal): Promise<ContentRights> {
  if (staff.role === 'ADMIN') return { read: {}, ownScope: undefined, canCreate: true, isAdmin: true };
  const station = staff.stationId ? await prisma.station.findUnique({ where: { id: staff.stationId }, select: { id: true, region: true } }) : null;
  if (!station) return { read: NOTHING, ownScope: undefined, canCreate: false, isAdmin: false };
  const scopes = scopesFor({ locale: DEFAULT_LOCALE, stationId: station.id, region: station.region });
  const supervisor = staff.role === 'SUPERVISOR';
  return { read: { scope: { in: scopes } }, ownScope: supervisor ? stationScope(station.id) : undefined, canCreate: supervisor, isAdmin: false };
}

/** What these rights allow on one entry; callers load it with `rights.read`, so an unreadable one never arrives. */
export function entryAccess(rights: ContentRights, entry: { scope: string }): Exclude<Access, 'none'> {
  if (rights.isAdmin) return 'act';
  return rights.ownScope !== undefined && entry.scope === rights.ownScope ? 'act' : 'read';
}
