import type { ContentEntry, ContentKind, Prisma } from '../../generated/prisma/client.js';
import { ENTRY_ORDER, entriesFrom, loadEntries, type ContentScope, type ResolvedEntry } from './lookup.js';

/**
 * Content entries kept in memory, so that a batch of calm messages reads
 * the table once (a count and the latest change) instead of once per
 * message. `refresh` checks that version inside a transaction; `entries`
 * answers from memory only for a transaction that checked it, and reads
 * the table otherwise. An edit made anywhere (any instance, the console)
 * shows from the next check.
 */
export class ContentCache {
  private rows: ContentEntry[] = [];
  private version: string | undefined;
  private readonly checked = new WeakSet<Prisma.TransactionClient>();

  async refresh(tx: Prisma.TransactionClient): Promise<void> {
    const [stamp] = await tx.$queryRaw<{ count: number; latest: Date | null }[]>`
      SELECT count(*)::int AS count, max("updatedAt") AS latest FROM "ContentEntry"`;
    const version = `${stamp?.count ?? 0}:${stamp?.latest?.toISOString() ?? ''}`;
    if (version !== this.version) {
      this.rows = await tx.contentEntry.findMany({ where: { active: true }, orderBy: ENTRY_ORDER });
      this.version = version;
    }
    this.checked.add(tx);
  }

  async entries(tx: Prisma.TransactionClient, kinds: ContentKind[], scope: ContentScope): Promise<ResolvedEntry[]> {
    return this.checked.has(tx) ? entriesFrom(this.rows, kinds, scope) : loadEntries(tx, kinds, scope);
  }
}
