import type { Channel, PrismaClient } from '../../generated/prisma/client.js';
import { createInvite } from '../../linking/invites.js';
import { hashPassword } from '../../security/password.js';
import { writeAudit } from '../audit/write.js';
import { checkNewPassword, type PasswordProblem } from '../auth/change-password.js';
import { permissionsOver, type StaffPermissions, type StaffTarget } from './access.js';
import { via, type StaffActor } from './actor.js';
import { generatePassword } from './password.js';

export type StaffActionFailure = { ok: false; reason: 'not-found' | 'forbidden' | 'inactive' | PasswordProblem };

type Authorized = { ok: true; target: StaffTarget & { active: boolean } } | { ok: false; reason: 'not-found' | 'forbidden' };

/** Someone the actor may not even see is "not found"; seen but not allowed is "forbidden". */
async function authorize(prisma: PrismaClient, actor: StaffActor, targetId: string, need: keyof Omit<StaffPermissions, 'view'>): Promise<Authorized> {
  const target = await prisma.staffUser.findUnique({ where: { id: targetId }, select: { id: true, role: true, stationId: true, active: true } });
  if (!target) return { ok: false, reason: 'not-found' };
  const allowed = permissionsOver(actor.staff, target);
  if (!allowed.view) return { ok: false, reason: 'not-found' };
  return allowed[need] ? { ok: true, target } : { ok: false, reason: 'forbidden' };
}

function audit(prisma: PrismaClient, actor: StaffActor, action: Parameters<typeof writeAudit>[1]['action'], targetId: string, detail: Record<string, string | number | boolean | null>, now: Date) {
  return writeAudit(prisma, { actorId: actor.staff.id, tokenId: actor.tokenId ?? null, action, targetType: 'staff', targetId, detail: { ...detail, via: via(actor) } }, now);
}

/** Deactivating ends every session at once; API tokens of an inactive account stop working too. */
export async function setStaffActive(prisma: PrismaClient, actor: StaffActor, targetId: string, active: boolean, now: Date): Promise<{ ok: true } | StaffActionFailure> {
  const allowed = await authorize(prisma, actor, targetId, 'manage');
  if (!allowed.ok) return allowed;
  await prisma.staffUser.update({ where: { id: targetId }, data: active ? { active, failedLogins: 0, lockedUntil: null } : { active } });
  const revoked = active ? 0 : (await prisma.session.updateMany({ where: { staffUserId: targetId, revokedAt: null }, data: { revokedAt: now } })).count;
  await audit(prisma, actor, active ? 'staff.reactivate' : 'staff.deactivate', targetId, { revokedSessions: revoked }, now);
  return { ok: true };
}

/** A new password set by an admin or supervisor (or generated and shown once); the account's sessions all end. */
export async function resetStaffPassword(
  prisma: PrismaClient,
  actor: StaffActor,
  targetId: string,
  chosen: string | undefined,
  now: Date,
): Promise<{ ok: true; generatedPassword: string | undefined } | StaffActionFailure> {
  const allowed = await authorize(prisma, actor, targetId, 'manage');
  if (!allowed.ok) return allowed;
  const password = chosen || generatePassword();
  const problem = checkNewPassword(password);
  if (problem) return { ok: false, reason: problem };
  const passwordHash = await hashPassword(password);
  await prisma.staffUser.update({ where: { id: targetId }, data: { passwordHash, failedLogins: 0, lockedUntil: null } });
  const revoked = await prisma.session.updateMany({ where: { staffUserId: targetId, revokedAt: null }, data: { revokedAt: now } });
  await audit(prisma, actor, 'staff.password-reset', targetId, { revokedSessions: revoked.count, generated: !chosen }, now);
  return { ok: true, generatedPassword: chosen ? undefined : password };
}

/** Privacy mode: alerts carry a summary, never the person's words. */
export async function setAlertPrivacy(prisma: PrismaClient, actor: StaffActor, targetId: string, on: boolean, now: Date): Promise<{ ok: true } | StaffActionFailure> {
  const allowed = await authorize(prisma, actor, targetId, 'link');
  if (!allowed.ok) return allowed;
  await prisma.staffUser.update({ where: { id: targetId }, data: { alertPrivacyMode: on } });
  await audit(prisma, actor, 'staff.privacy', targetId, { alertPrivacyMode: on }, now);
  return { ok: true };
}

/** Removes a linked chat account: no more alerts there, and its queued messages are dropped with it. */
export async function unlinkStaffChat(
  prisma: PrismaClient,
  actor: StaffActor,
  targetId: string,
  identityId: string,
  now: Date,
): Promise<{ ok: true; channel: Channel } | StaffActionFailure> {
  const allowed = await authorize(prisma, actor, targetId, 'link');
  if (!allowed.ok) return allowed;
  const identity = await prisma.channelIdentity.findFirst({ where: { id: identityId, staffUserId: targetId }, select: { id: true, channel: true } });
  if (!identity) return { ok: false, reason: 'not-found' };
  await prisma.channelIdentity.delete({ where: { id: identity.id } });
  await audit(prisma, actor, 'staff.unlink', targetId, { identityId: identity.id, channel: identity.channel }, now);
  return { ok: true, channel: identity.channel };
}

/** A one-time code the staff member sends to the bot so that alerts reach that chat account. */
export async function issueStaffInvite(
  prisma: PrismaClient,
  actor: StaffActor,
  targetId: string,
  now: Date,
): Promise<{ ok: true; code: string; expiresAt: Date } | StaffActionFailure> {
  const allowed = await authorize(prisma, actor, targetId, 'link');
  if (!allowed.ok) return allowed;
  if (!allowed.target.active) return { ok: false, reason: 'inactive' };
  const invite = await createInvite(prisma, { staffUserId: targetId }, { now, createdById: actor.staff.id });
  // The code itself is never written anywhere but the answer.
  await audit(prisma, actor, 'staff.invite', targetId, { expiresAt: invite.expiresAt.toISOString() }, now);
  return { ok: true, ...invite };
}
