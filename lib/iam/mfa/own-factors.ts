// One's own factors, from the account page or /api/v1/me/mfa: list, enrol (TOTP, passkey),
// remove, new recovery codes. Only a signed-in user (a console session) manages them; each
// change is audited. The first confirmed factor comes with a first set of recovery codes.
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import type { MfaFactor } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { consoleOwner, ownerWhere, type MfaOwner } from "./mfa-owner";
import type { MfaFactorResource } from "./mfa-schemas";
import { consoleRoleRequiresMfa } from "./mfa-status";
import { remainingRecoveryCodes, replaceRecoveryCodes } from "./recovery-codes";
import { confirmTotpCode, startTotpEnrolment } from "./totp";
import { passkeyRegistrationOptions, registerPasskey } from "./webauthn";

export function toFactorResource(f: MfaFactor): MfaFactorResource {
  return {
    id: f.id,
    type: f.type === "TOTP" ? "totp" : "passkey",
    label: f.label,
    transports: f.transports,
    createdAt: f.createdAt.toISOString(),
    lastUsedAt: f.lastUsedAt?.toISOString() ?? null,
  };
}

/** Changes need the person's own session: an API token (even one a user made) may not add or remove factors. */
export function assertOwnSession(actor: Actor): asserts actor is Actor & { userId: string } {
  if (actor.type !== "user" || !actor.userId) throw new ApiError("forbidden", "Second factors are managed from your own console session");
}

async function signedInUser(actor: Actor) {
  assertOwnSession(actor);
  const user = await db().user.findUnique({ where: { id: actor.userId } });
  if (!user) throw new ApiError("unauthorized", "Sign in again");
  return { user, owner: consoleOwner(user.id) };
}

/** A person holds a handful of factors, so the list is answered whole; the cap keeps it that way. */
const MAX_FACTORS = 10;

async function assertRoomForAnother(owner: MfaOwner) {
  const count = await db().mfaFactor.count({ where: { ...ownerWhere(owner), confirmedAt: { not: null } } });
  if (count >= MAX_FACTORS) throw new ApiError("conflict", `At most ${MAX_FACTORS} second factors; remove one first`);
}

const confirmedFactors = (owner: MfaOwner) =>
  db().mfaFactor.findMany({ where: { ...ownerWhere(owner), confirmedAt: { not: null } }, orderBy: { createdAt: "asc" } });

/** Readable by any caller: a token answers for the user who made it (the bootstrap token has none). */
export async function getOwnMfaStatus(actor: Actor) {
  if (!actor.userId) return { factors: [], recoveryCodesRemaining: 0, required: false };
  const owner = consoleOwner(actor.userId);
  return {
    factors: (await confirmedFactors(owner)).map(toFactorResource),
    recoveryCodesRemaining: await remainingRecoveryCodes(owner),
    required: await consoleRoleRequiresMfa(actor.role),
  };
}

export async function startOwnTotp(actor: Actor) {
  const { user, owner } = await signedInUser(actor);
  await assertRoomForAnother(owner);
  return startTotpEnrolment(owner, { issuer: "Portcullis", label: user.email });
}

/** Audits the new factor; a first factor gets recovery codes in the same transaction. */
async function enrolled(actor: Actor, owner: MfaOwner, factorId: string) {
  return db().$transaction(async (tx) => {
    const factor = await tx.mfaFactor.findUniqueOrThrow({ where: { id: factorId } });
    const first = (await tx.mfaFactor.count({ where: { ...ownerWhere(owner), confirmedAt: { not: null } } })) === 1;
    const recoveryCodes = first ? await replaceRecoveryCodes(tx, owner) : null;
    await recordAuditEvent(tx, actor, {
      action: "mfa.enrolled",
      entityType: "user",
      entityId: actor.userId,
      after: { factorId, type: toFactorResource(factor).type, label: factor.label },
    });
    return { factor: toFactorResource(factor), recoveryCodes };
  });
}

export async function confirmOwnTotp(actor: Actor, factorId: string, code: string) {
  const { owner } = await signedInUser(actor);
  if (!(await confirmTotpCode(owner, factorId, code))) throw new ApiError("validation_failed", "That code is not valid (or was already used)");
  return enrolled(actor, owner, factorId);
}

export async function ownPasskeyOptions(actor: Actor) {
  const { user, owner } = await signedInUser(actor);
  await assertRoomForAnother(owner);
  return passkeyRegistrationOptions(owner, { name: user.email, displayName: user.name });
}

export async function registerOwnPasskey(actor: Actor, response: RegistrationResponseJSON, label = "Passkey") {
  const { owner } = await signedInUser(actor);
  const factorId = await registerPasskey(owner, response, label);
  if (!factorId) throw new ApiError("validation_failed", "The passkey could not be verified; start again");
  return enrolled(actor, owner, factorId);
}

export async function deleteOwnFactor(actor: Actor, factorId: string) {
  const { owner } = await signedInUser(actor);
  await db().$transaction(async (tx) => {
    const factor = await tx.mfaFactor.findFirst({ where: { id: factorId, ...ownerWhere(owner) } });
    if (!factor) throw notFound("MFA factor", factorId);
    await tx.mfaFactor.delete({ where: { id: factor.id } });
    // With the last factor go the recovery codes: they are a way past a factor, not one themselves.
    const left = await tx.mfaFactor.count({ where: { ...ownerWhere(owner), confirmedAt: { not: null } } });
    if (left === 0) await tx.mfaRecoveryCode.deleteMany({ where: ownerWhere(owner) });
    await recordAuditEvent(tx, actor, { action: "mfa.factor_removed", entityType: "user", entityId: actor.userId, before: toFactorResource(factor) });
  });
}

export async function regenerateOwnRecoveryCodes(actor: Actor) {
  const { owner } = await signedInUser(actor);
  return db().$transaction(async (tx) => {
    const factors = await tx.mfaFactor.count({ where: { ...ownerWhere(owner), confirmedAt: { not: null } } });
    if (factors === 0) throw new ApiError("conflict", "Enrol a second factor first");
    const recoveryCodes = await replaceRecoveryCodes(tx, owner);
    await recordAuditEvent(tx, actor, { action: "mfa.recovery_codes_regenerated", entityType: "user", entityId: actor.userId });
    return { recoveryCodes };
  });
}
