-- CreateIndex
CREATE INDEX "Reminder_appointmentId_participantId_idx" ON "Reminder"("appointmentId", "participantId");
