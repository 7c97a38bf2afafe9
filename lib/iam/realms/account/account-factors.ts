// A signed-in realm user's own factors, changed from their account page: an authenticator app
// (TOTP), a passkey, new recovery codes, removing one. Each change is audited as the realm's
// sign-in acting for them; the first factor comes with a first set of recovery codes, and the
// last one cannot go while the realm requires MFA.
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { realmUserActor } from "@/lib/iam/mfa/mfa-actors";
import { ownerWhere, realmOwner } from "@/lib/iam/mfa/mfa-owner";
import { remainingRecoveryCodes, replaceRecoveryCodes } from "@/lib/iam/mfa/recovery-codes";
import { confirmTotpCode, startTotpEnrolment } from "@/lib/iam/mfa/totp";
import { passkeyRegistrationOptions, registerPasskey } from "@/lib/iam/mfa/webauthn";
import type { ProtocolRealm } from "../oidc/realm-for-protocol";

export type AccountUser = { id: string; username: string };
/** What a change answers: recovery codes to show once, or why it was refused. */
export type AccountChange = { recoveryCodes: string[] | null } | { refused: string };

const MAX_FACTORS = 10;
const confirmed = (user: AccountUser) => ({ ...ownerWhere(realmOwner(user.id)), confirmedAt: { not: null } });

export async function accountOverview(realm: ProtocolRealm, user: AccountUser) {
  const owner = realmOwner(user.id);
  const factors = await db().mfaFactor.findMany({ where: confirmed(user), orderBy: { createdAt: "asc" } });
  const room = factors.length < MAX_FACTORS;
  return {
    factors,
    recoveryCodesRemaining: await remainingRecoveryCodes(owner),
    passkeyOptions: room ? await passkeyRegistrationOptions(owner, { name: user.username, displayName: user.username, rpName: realm.displayName }) : null,
    room,
  };
}

export async function startAccountTotp(realm: ProtocolRealm, user: AccountUser) {
  if ((await db().mfaFactor.count({ where: confirmed(user) })) >= MAX_FACTORS) return null;
  return startTotpEnrolment(realmOwner(user.id), { issuer: realm.displayName, label: user.username });
}

/** Audits the new factor; the first one gets recovery codes in the same transaction. */
async function enrolled(realm: ProtocolRealm, user: AccountUser, factorId: string, type: "totp" | "passkey"): Promise<AccountChange> {
  return db().$transaction(async (tx) => {
    const first = (await tx.mfaFactor.count({ where: confirmed(user) })) === 1;
    const recoveryCodes = first ? await replaceRecoveryCodes(tx, realmOwner(user.id)) : null;
    await recordAuditEvent(tx, realmUserActor(realm.name, user), {
      action: "realm_user.mfa_enrolled",
      entityType: "realm_user",
      entityId: user.id,
      after: { realm: realm.name, username: user.username, factorId, type, at: "account" },
    });
    return { recoveryCodes };
  });
}

export async function confirmAccountTotp(realm: ProtocolRealm, user: AccountUser, factorId: string, code: string): Promise<AccountChange> {
  if (!(await confirmTotpCode(realmOwner(user.id), factorId, code.replace(/\s+/g, "")))) return { refused: "That code is not valid (or was already used)." };
  return enrolled(realm, user, factorId, "totp");
}

export async function registerAccountPasskey(realm: ProtocolRealm, user: AccountUser, response: RegistrationResponseJSON): Promise<AccountChange> {
  if ((await db().mfaFactor.count({ where: confirmed(user) })) >= MAX_FACTORS) return { refused: `At most ${MAX_FACTORS} second factors; remove one first.` };
  const factorId = await registerPasskey(realmOwner(user.id), response, "Passkey");
  if (!factorId) return { refused: "The passkey could not be verified; try again." };
  return enrolled(realm, user, factorId, "passkey");
}

export async function regenerateAccountRecoveryCodes(realm: ProtocolRealm, user: AccountUser): Promise<AccountChange> {
  return db().$transaction(async (tx) => {
    if ((await tx.mfaFactor.count({ where: confirmed(user) })) === 0) return { refused: "Add a second factor first." };
    const recoveryCodes = await replaceRecoveryCodes(tx, realmOwner(user.id));
    await recordAuditEvent(tx, realmUserActor(realm.name, user), {
      action: "realm_user.recovery_codes_regenerated",
      entityType: "realm_user",
      entityId: user.id,
      after: { realm: realm.name, username: user.username },
    });
    return { recoveryCodes };
  });
}

export async function removeAccountFactor(realm: ProtocolRealm, user: AccountUser, factorId: string): Promise<AccountChange> {
  return db().$transaction(async (tx) => {
    const factor = await tx.mfaFactor.findFirst({ where: { id: factorId, ...confirmed(user) } });
    if (!factor) return { refused: "That factor does not exist." };
    const left = (await tx.mfaFactor.count({ where: confirmed(user) })) - 1;
    if (left === 0 && realm.mfaRequired) return { refused: "This realm requires a second factor: add another before removing this one." };
    await tx.mfaFactor.delete({ where: { id: factor.id } });
    // With the last factor go the recovery codes: they are a way past a factor, not one themselves.
    if (left === 0) await tx.mfaRecoveryCode.deleteMany({ where: ownerWhere(realmOwner(user.id)) });
    await recordAuditEvent(tx, realmUserActor(realm.name, user), {
      action: "realm_user.mfa_factor_removed",
      entityType: "realm_user",
      entityId: user.id,
      before: { realm: realm.name, username: user.username, factorId: factor.id, type: factor.type === "TOTP" ? "totp" : "passkey", label: factor.label },
    });
    return { recoveryCodes: null };
  });
}
