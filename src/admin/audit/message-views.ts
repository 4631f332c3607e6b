import type { Prisma } from '../../generated/prisma/client.js';

/** A list that refreshes live would write a row per refresh; one per person and viewer in this window is kept. */
export const LIST_VIEW_WINDOW_MS = 10 * 60_000;

export interface Viewer {
  actorId: string;
  tokenId?: string | null;
}

export interface ViewedExcerpt {
  participantId: string;
  escalationId: string;
}

/** Someone read a participant's messages on an escalation page: always recorded. */
export async function auditMessageView(db: Prisma.TransactionClient, viewer: Viewer, viewed: ViewedExcerpt, now: Date): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: viewer.actorId,
      tokenId: viewer.tokenId ?? null,
      action: 'view-messages',
      targetType: 'participant',
      targetId: viewed.participantId,
      detail: { via: 'escalation', escalationId: viewed.escalationId },
      createdAt: now,
    },
  });
}

/**
 * Message excerpts shown in the live queue: one row per participant per
 * viewer within LIST_VIEW_WINDOW_MS, however often the list refreshes.
 */
export async function auditListViews(db: Prisma.TransactionClient, viewer: Viewer, viewed: ViewedExcerpt[], now: Date): Promise<number> {
  if (viewed.length === 0) return 0;
  const recent = await db.auditLog.findMany({
    where: {
      actorId: viewer.actorId,
      action: 'view-messages',
      targetType: 'participant',
      targetId: { in: viewed.map((v) => v.participantId) },
      createdAt: { gt: new Date(now.getTime() - LIST_VIEW_WINDOW_MS) },
    },
    select: { targetId: true },
  });
  const seen = new Set(recent.map((r) => r.targetId));
  const fresh = new Map<string, ViewedExcerpt>();
  for (const item of viewed) if (!seen.has(item.participantId) && !fresh.has(item.participantId)) fresh.set(item.participantId, item);
  if (fresh.size === 0) return 0;
  await db.auditLog.createMany({
    data: [...fresh.values()].map((item) => ({
      actorId: viewer.actorId,
      tokenId: viewer.tokenId ?? null,
      action: 'view-messages',
      targetType: 'participant',
      targetId: item.participantId,
      detail: { via: 'queue', escalationId: item.escalationId },
      createdAt: now,
    })),
  });
  return fresh.size;
}
