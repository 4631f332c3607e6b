import type { Prisma } from '../../generated/prisma/client.js';
import type { Viewer } from '../audit/message-views.js';
import { writeAudit } from '../audit/write.js';

/** Someone opened a participant's page, whose timeline shows their messages: recorded on every view. */
export async function auditParticipantView(db: Prisma.TransactionClient, viewer: Viewer, participantId: string, messagesShown: number, now: Date): Promise<void> {
  await writeAudit(
    db,
    {
      actorId: viewer.actorId,
      tokenId: viewer.tokenId ?? null,
      action: 'view-messages',
      targetType: 'participant',
      targetId: participantId,
      detail: { via: 'participant', messages: messagesShown },
    },
    now,
  );
}
