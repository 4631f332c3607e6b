import type { PrismaClient } from '../../generated/prisma/client.js';
import type { StaffPrincipal } from '../access/principal.js';
import { visibleStations } from '../escalations/queue-query.js';
import { visibleCaseworkers } from './list-query.js';
import type { ParticipantFormChoices } from './views/participant-form-page.js';

/** Stations and staff the list filters and the participant form offer. */
export async function peopleChoices(prisma: PrismaClient, staff: StaffPrincipal): Promise<ParticipantFormChoices> {
  const [stations, caseworkers] = await Promise.all([visibleStations(prisma, staff), visibleCaseworkers(prisma, staff)]);
  return { stations, staff: caseworkers };
}
