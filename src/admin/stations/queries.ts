import type { PrismaClient } from '../../generated/prisma/client.js';
import type { StaffPrincipal } from '../access/principal.js';
import { scopeFor } from '../access/scope.js';

export interface StationRow {
  id: string;
  name: string;
  region: string;
  timezone: string;
  emergencyNumber: string;
  hotline: string | null;
  drugCounsellingNumber: string | null;
  reliefOfficeNumber: string | null;
  staffCount: number;
  participantCount: number;
}

const SELECT = {
  id: true,
  name: true,
  region: true,
  timezone: true,
  emergencyNumber: true,
  hotline: true,
  drugCounsellingNumber: true,
  reliefOfficeNumber: true,
  _count: { select: { staff: { where: { active: true } }, participants: { where: { status: 'ACTIVE' as const } } } },
} as const;

type Selected = Omit<StationRow, 'staffCount' | 'participantCount'> & { _count: { staff: number; participants: number } };

function toRow({ _count, ...station }: Selected): StationRow {
  return { ...station, staffCount: _count.staff, participantCount: _count.participants };
}

/** The stations a staff member may see: all for admins, their own for everyone else. */
export async function listStations(prisma: PrismaClient, viewer: StaffPrincipal): Promise<StationRow[]> {
  const rows = await prisma.station.findMany({ where: scopeFor(viewer).stations, orderBy: [{ region: 'asc' }, { name: 'asc' }], select: SELECT });
  return rows.map(toRow);
}

export async function loadStation(prisma: PrismaClient, viewer: StaffPrincipal, id: string): Promise<StationRow | undefined> {
  const row = await prisma.station.findFirst({ where: { AND: [{ id }, scopeFor(viewer).stations] }, select: SELECT });
  return row ? toRow(row) : undefined;
}
