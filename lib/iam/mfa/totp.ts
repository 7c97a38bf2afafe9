// TOTP (RFC 6238, otplib): 6 digits, 30 s steps, one step of clock drift either way. The secret is
// sealed at rest (lib/crypto/secret-box.ts). A code is single-use: its time step is stored and
// a code of that step or an earlier one is refused, by one conditional UPDATE so two parallel
// submissions of the same code cannot both pass.
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { ownerWhere, type MfaOwner } from "./mfa-owner";

const TOLERANCE_SECONDS = 30;

export type TotpEnrolment = { factorId: string; secret: string; otpauthUri: string; qrDataUrl: string };

/** A new, unconfirmed TOTP factor; earlier unconfirmed ones of the owner are dropped. */
export async function startTotpEnrolment(owner: MfaOwner, account: { issuer: string; label: string }): Promise<TotpEnrolment> {
  const secret = generateSecret();
  const otpauthUri = generateURI({ issuer: account.issuer, label: account.label, secret });
  await db().mfaFactor.deleteMany({ where: { ...ownerWhere(owner), type: "TOTP", confirmedAt: null } });
  const factor = await db().mfaFactor.create({
    data: { ...ownerWhere(owner), type: "TOTP", label: "Authenticator app", totpSecretSealed: encryptSecret(secret) },
  });
  return { factorId: factor.id, secret, otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }) };
}

/** Whether `code` is valid for the factor and not yet used; on success its step is burnt. */
async function acceptCode(factor: { id: string; totpSecretSealed: string | null; totpLastStep: number | null }, code: string) {
  if (!factor.totpSecretSealed || !/^\d{6}$/.test(code)) return false;
  const result = await verify({
    secret: decryptSecret(factor.totpSecretSealed),
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(factor.totpLastStep === null ? {} : { afterTimeStep: factor.totpLastStep }),
    // otplib throws when the last step lies beyond the window (a clock that went back): refuse.
  }).catch(() => ({ valid: false as const }));
  // The TOTP strategy's result carries the step (the shared VerifyResult type also covers HOTP).
  if (!result.valid || !("timeStep" in result)) return false;
  const burnt = await db().mfaFactor.updateMany({
    where: { id: factor.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: result.timeStep } }] },
    data: { totpLastStep: result.timeStep, lastUsedAt: new Date() },
  });
  return burnt.count === 1;
}

/** Checks a code against the owner's confirmed TOTP factors; answers the factor that took it. */
export async function verifyTotpCode(owner: MfaOwner, code: string): Promise<string | null> {
  const factors = await db().mfaFactor.findMany({ where: { ...ownerWhere(owner), type: "TOTP", confirmedAt: { not: null } } });
  for (const factor of factors) if (await acceptCode(factor, code)) return factor.id;
  return null;
}

/** The first code confirms an enrolment (and is used up like any other). */
export async function confirmTotpCode(owner: MfaOwner, factorId: string, code: string): Promise<boolean> {
  const factor = await db().mfaFactor.findFirst({ where: { id: factorId, ...ownerWhere(owner), type: "TOTP", confirmedAt: null } });
  if (!factor || !(await acceptCode(factor, code))) return false;
  await db().mfaFactor.update({ where: { id: factor.id }, data: { confirmedAt: new Date() } });
  return true;
}

/** The unconfirmed enrolment shown again (the realm's sign-in page re-renders it after a wrong code). */
export async function currentTotpEnrolment(owner: MfaOwner, account: { issuer: string; label: string }): Promise<TotpEnrolment | null> {
  const factor = await db().mfaFactor.findFirst({ where: { ...ownerWhere(owner), type: "TOTP", confirmedAt: null }, orderBy: { createdAt: "desc" } });
  if (!factor?.totpSecretSealed) return null;
  const secret = decryptSecret(factor.totpSecretSealed);
  const otpauthUri = generateURI({ issuer: account.issuer, label: account.label, secret });
  return { factorId: factor.id, secret, otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }) };
}

/** The unconfirmed enrolment of the owner, if any (the realm sign-in confirms it without its id). */
export async function pendingTotpFactorId(owner: MfaOwner): Promise<string | null> {
  const factor = await db().mfaFactor.findFirst({ where: { ...ownerWhere(owner), type: "TOTP", confirmedAt: null }, orderBy: { createdAt: "desc" } });
  return factor?.id ?? null;
}
