import type { StaffPrincipal } from '../access/principal.js';

/** Who does something to a staff account: a signed-in staff member, or an API token acting as one. */
export interface StaffActor {
  staff: StaffPrincipal;
  tokenId?: string | undefined;
}

export function via(actor: StaffActor): 'console' | 'api' {
  return actor.tokenId ? 'api' : 'console';
}
