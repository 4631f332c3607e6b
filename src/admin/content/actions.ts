import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import type { StaffPrincipal } from '../access/principal.js';
import { scopeFor } from '../access/scope.js';
import { writeAudit, type AuditAction } from '../audit/write.js';
import type { AdminDeps } from '../deps.js';
import { entryAccess, type ContentRights } from './access.js';
import { chosenScope, type ContentFieldValues, type ContentIdentityValues } from './forms.js';
import { findReadableEntry } from './queries.js';

export type ContentResult = { ok: true; id: string } | { ok: false; reason: 'not-found' | 'forbidden' | 'invalid' | 'duplicate' };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** The scope a new entry gets: a supervisor's is always their station's; an admin's must name an existing station or a region. */
async function scopeForNew(prisma: PrismaClient, staff: StaffPrincipal, rights: ContentRights, identity: ContentIdentityValues): Promise<string | undefined> {
  if (!rights.isAdmin) return rights.ownScope;
  const scope = chosenScope(identity);
  if (!scope?.startsWith('station:')) return scope;
  const station = await prisma.station.findFirst({ where: { AND: [{ id: scope.slice('station:'.length) }, scopeFor(staff).stations] }, select: { id: true } });
  return station ? scope : undefined;
}

async function audit(tx: Prisma.TransactionClient, staff: StaffPrincipal, action: AuditAction, entry: { id: string; kind: string; key: string; locale: string; scope: string }, now: Date) {
  await writeAudit(tx, { actorId: staff.id, action, targetType: 'content-entry', targetId: entry.id, detail: { kind: entry.kind, key: entry.key, locale: entry.locale, scope: entry.scope } }, now);
}

export async function createContent(
  deps: AdminDeps,
  staff: StaffPrincipal,
  rights: ContentRights,
  identity: ContentIdentityValues,
  fields: ContentFieldValues,
): Promise<ContentResult> {
  if (!rights.canCreate) return { ok: false, reason: 'forbidden' };
  const { prisma } = deps.db;
  const scope = await scopeForNew(prisma, staff, rights, identity);
  if (!scope) return { ok: false, reason: 'invalid' };
  const now = deps.clock.now();
  try {
    return await prisma.$transaction(async (tx): Promise<ContentResult> => {
      const taken = await tx.contentEntry.findFirst({ where: { kind: identity.kind, key: identity.key, locale: identity.locale, scope }, select: { id: true } });
      if (taken) return { ok: false, reason: 'duplicate' };
      const entry = await tx.contentEntry.create({
        data: {
          kind: identity.kind,
          key: identity.key,
          locale: identity.locale,
          scope,
          stationId: scope.startsWith('station:') ? scope.slice('station:'.length) : null,
          ...fields,
          updatedAt: now,
        },
      });
      await audit(tx, staff, 'content.create', entry, now);
      return { ok: true, id: entry.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'duplicate' };
    throw error;
  }
}

type Change = { kind: 'update'; fields: ContentFieldValues } | { kind: 'retire' } | { kind: 'restore' };

const CHANGE_AUDIT: Record<Change['kind'], AuditAction> = { update: 'content.update', retire: 'content.retire', restore: 'content.restore' };

/** Edits, retires or restores an entry the staff member may change; another station's is not found. */
export async function changeContent(deps: AdminDeps, staff: StaffPrincipal, rights: ContentRights, id: string, change: Change): Promise<ContentResult> {
  const { prisma } = deps.db;
  const entry = await findReadableEntry(prisma, rights, id);
  if (!entry) return { ok: false, reason: 'not-found' };
  if (entryAccess(rights, entry) !== 'act') return { ok: false, reason: 'forbidden' };
  const now = deps.clock.now();
  const data: Prisma.ContentEntryUpdateInput =
    change.kind === 'update' ? { ...change.fields, updatedAt: now } : { active: change.kind === 'restore', updatedAt: now };
  await prisma.$transaction(async (tx) => {
    await tx.contentEntry.update({ where: { id }, data });
    await audit(tx, staff, CHANGE_AUDIT[change.kind], entry, now);
  });
  return { ok: true, id };
}
