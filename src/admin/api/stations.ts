import { Hono } from 'hono';
import { scopeFor } from '../access/scope.js';
import type { AdminDeps } from '../deps.js';
import { createStation } from '../stations/save.js';
import { StationSchema } from '../stations/schema.js';
import type { ApiEnv } from './bearer.js';
import { apiError, describeIssues } from './errors.js';

export interface StationJson {
  id: string;
  name: string;
  region: string;
  timezone: string;
  emergencyNumber: string;
  hotline: string | null;
  drugCounsellingNumber: string | null;
  reliefOfficeNumber: string | null;
}

const STATION_JSON_SELECT = {
  id: true,
  name: true,
  region: true,
  timezone: true,
  emergencyNumber: true,
  hotline: true,
  drugCounsellingNumber: true,
  reliefOfficeNumber: true,
} as const;

/** GET /api/v1/stations (what the caller may see), POST /api/v1/stations (admin staff tokens only). */
export function stationApi(deps: AdminDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const { prisma } = deps.db;

  app.get('/stations', async (c) => {
    const caller = c.get('caller');
    const stations: StationJson[] = await prisma.station.findMany({
      where: caller.staff ? scopeFor(caller.staff).stations : {},
      orderBy: [{ region: 'asc' }, { name: 'asc' }],
      select: STATION_JSON_SELECT,
    });
    return c.json({ stations });
  });

  app.post('/stations', async (c) => {
    const caller = c.get('caller');
    if (!caller.staff) return apiError(c, 'forbidden', 'this token is not linked to a staff member and may only read');
    if (caller.staff.role !== 'ADMIN') return apiError(c, 'forbidden', 'only admins may create stations');
    const body = StationSchema.strict().safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return apiError(c, 'invalid', describeIssues(body.error));
    const result = await createStation(prisma, { staff: caller.staff, tokenId: caller.tokenId }, body.data, deps.clock.now());
    if (!result.ok) return apiError(c, 'forbidden', 'only admins may create stations');
    const station: StationJson = await prisma.station.findUniqueOrThrow({ where: { id: result.id }, select: STATION_JSON_SELECT });
    return c.json({ station }, 201);
  });

  return app;
}
