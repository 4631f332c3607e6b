import { sendBroadcast } from '../../scheduler/broadcast.js';
import type { StaffPrincipal } from '../access/principal.js';
import { scopeFor } from '../access/scope.js';
import { writeAudit } from '../audit/write.js';
import type { AdminDeps } from '../deps.js';
import type { ComposeValues } from './forms.js';

export type DraftResult = { ok: true; id: string } | { ok: false; reason: 'invalid' };
export type SendResult = { ok: true; recipients: number } | { ok: false; reason: 'not-found' | 'already' };

/** Keeps the announcement as a draft (a Broadcast not yet sent), so the preview and the send are about the same row. */
export async function draftBroadcast(deps: AdminDeps, staff: StaffPrincipal, values: ComposeValues): Promise<DraftResult> {
  const { prisma } = deps.db;
  const station = await prisma.station.findFirst({ where: { AND: [{ id: values.stationId }, scopeFor(staff).stations] }, select: { id: true } });
  if (!station) return { ok: false, reason: 'invalid' };
  const now = deps.clock.now();
  const id = await prisma.$transaction(async (tx) => {
    const broadcast = await tx.broadcast.create({ data: { stationId: station.id, audience: values.audience, body: values.body, createdById: staff.id, createdAt: now } });
    await writeAudit(tx, { actorId: staff.id, action: 'broadcast.draft', targetType: 'broadcast', targetId: broadcast.id, detail: { stationId: station.id, audience: values.audience } }, now);
    return broadcast.id;
  });
  return { ok: true, id };
}

/**
 * Sends a draft through the scheduler's broadcast code (one outbox row per
 * chat account, bulk priority, opted-out people left out), audited in the
 * same transaction; a second send of the same broadcast sends nothing.
 * The caller has checked the staff member may see the broadcast's station.
 */
export async function confirmBroadcast(deps: AdminDeps, staff: StaffPrincipal, broadcastId: string): Promise<SendResult> {
  const now = deps.clock.now();
  const result = await deps.db.prisma.$transaction(async (tx): Promise<SendResult> => {
    const sent = await sendBroadcast(tx, broadcastId, now, deps.schedulerSettings);
    if (sent.kind === 'not-found') return { ok: false, reason: 'not-found' };
    if (sent.kind === 'already-sent') return { ok: false, reason: 'already' };
    await writeAudit(tx, { actorId: staff.id, action: 'broadcast.send', targetType: 'broadcast', targetId: broadcastId, detail: { recipients: sent.recipients, people: sent.preview.people } }, now);
    return { ok: true, recipients: sent.recipients };
  });
  if (result.ok && result.recipients > 0) deps.onOutboxChanged();
  return result;
}
