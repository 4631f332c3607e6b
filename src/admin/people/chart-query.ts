import type { PrismaClient } from '../../generated/prisma/client.js';

export const CHART_DAYS = 90;
/** More points than this in the window are thinned to the latest ones. */
const CHART_MAX_POINTS = 400;

export interface CheckInPoint {
  at: Date;
  mood: number;
  craving: number;
  usedSinceLast: boolean;
}

export interface ChartSeries {
  from: Date;
  to: Date;
  points: CheckInPoint[];
}

/** Check-ins of the last CHART_DAYS days, oldest first. */
export async function loadCheckInSeries(prisma: PrismaClient, participantId: string, now: Date, days = CHART_DAYS): Promise<ChartSeries> {
  const from = new Date(now.getTime() - days * 24 * 3600_000);
  const rows = await prisma.checkIn.findMany({
    where: { participantId, createdAt: { gte: from, lte: now } },
    orderBy: { createdAt: 'desc' },
    take: CHART_MAX_POINTS,
    select: { createdAt: true, mood: true, craving: true, usedSinceLast: true },
  });
  return {
    from,
    to: now,
    points: rows.reverse().map((r) => ({ at: r.createdAt, mood: r.mood, craving: r.craving, usedSinceLast: r.usedSinceLast })),
  };
}
