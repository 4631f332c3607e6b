import type { Prisma } from '../generated/prisma/client.js';
import { ownerKey, type Person } from '../pipeline/person.js';
import { loadProfiles, type Profile } from './profile.js';
import { loadStates, readState, type LoadedState } from './state.js';

interface PreparedTurn {
  profile: Profile;
  state: LoadedState;
}

/**
 * Profiles and conversation states read ahead for a batch of turns: two or
 * three queries for the whole batch instead of two per turn. Each person's
 * reads are used once, by their first turn in that transaction; a second
 * turn of the same person (another chat app) reads afresh, so it sees
 * what the first one wrote.
 */
export class PreparedReads {
  private readonly byTransaction = new WeakMap<Prisma.TransactionClient, Map<string, PreparedTurn>>();

  async prepare(tx: Prisma.TransactionClient, people: readonly Person[], now: Date): Promise<void> {
    const byOwner = new Map(people.filter((p) => p.kind !== 'staff').map((p) => [ownerKey(p), p]));
    if (byOwner.size === 0) return;
    const keys = [...byOwner.keys()];
    const [profiles, states] = await Promise.all([loadProfiles(tx, [...byOwner.values()]), loadStates(tx, keys, now)]);
    const prepared = new Map<string, PreparedTurn>();
    for (const key of keys) {
      const profile = profiles.get(key);
      if (profile) prepared.set(key, { profile, state: states.get(key) ?? readState(null, now) });
    }
    this.byTransaction.set(tx, prepared);
  }

  /** The reads prepared for this person in this transaction, once; undefined when there are none. */
  take(tx: Prisma.TransactionClient, person: Person): PreparedTurn | undefined {
    const prepared = this.byTransaction.get(tx);
    const key = ownerKey(person);
    const turn = prepared?.get(key);
    prepared?.delete(key);
    return turn;
  }
}
