-- DropIndex
DROP INDEX "InboundEvent_status_receivedAt_idx";

-- AlterTable
ALTER TABLE "InboundEvent" ADD COLUMN     "lockedUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "InboundEvent_status_lockedUntil_idx" ON "InboundEvent"("status", "lockedUntil");
