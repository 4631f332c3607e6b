import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAudit } from '../audit/write.js';
import type { StaffActor } from '../staff/actor.js';
import { via } from '../staff/actor.js';
import type { StationInput } from './schema.js';

export type SaveStationResult = { ok: true; id: string } | { ok: false; reason: 'forbidden' | 'not-found' };

function columns(input: StationInput) {
  return {
    name: input.name,
    region: input.region,
    timezone: input.timezone,
    emergencyNumber: input.emergencyNumber,
    hotline: input.hotline ?? null,
    drugCounsellingNumber: input.drugCounsellingNumber ?? null,
    reliefOfficeNumber: input.reliefOfficeNumber ?? null,
  };
}

/** Stations are programme-level: only admins create or change them. */
export async function createStation(prisma: PrismaClient, actor: StaffActor, input: StationInput, now: Date): Promise<SaveStationResult> {
  if (actor.staff.role !== 'ADMIN') return { ok: false, reason: 'forbidden' };
  const station = await prisma.station.create({ data: { ...columns(input), createdAt: now } });
  await writeAudit(
    prisma,
    { actorId: actor.staff.id, tokenId: actor.tokenId ?? null, action: 'station.create', targetType: 'station', targetId: station.id, detail: { via: via(actor) } },
    now,
  );
  return { ok: true, id: station.id };
}

export async function updateStation(prisma: PrismaClient, actor: StaffActor, id: string, input: StationInput, now: Date): Promise<SaveStationResult> {
  if (actor.staff.role !== 'ADMIN') {
    const visible = actor.staff.stationId === id;
    return { ok: false, reason: visible ? 'forbidden' : 'not-found' };
  }
  const updated = await prisma.station.updateMany({ where: { id }, data: columns(input) });
  if (updated.count === 0) return { ok: false, reason: 'not-found' };
  await writeAudit(
    prisma,
    { actorId: actor.staff.id, tokenId: actor.tokenId ?? null, action: 'station.update', targetType: 'station', targetId: id, detail: { via: via(actor), timezone: input.timezone } },
    now,
  );
  return { ok: true, id };
}
