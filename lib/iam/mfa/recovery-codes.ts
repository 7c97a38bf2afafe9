// Recovery codes: ten random codes shown once, kept as SHA-256 (they are 50 random bits each, so a
// fast hash is enough, as for API tokens), each accepted once.
import { randomBytes } from "node:crypto";
import { db, type DbTransaction } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { ownerWhere, type MfaOwner } from "./mfa-owner";

const COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function newCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Normalised as typed: case and spaces do not matter. */
const normalise = (code: string) => code.trim().toLowerCase().replace(/\s+/g, "");

export const looksLikeRecoveryCode = (code: string) => /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(normalise(code));

/** Replaces the owner's codes with a new set and answers them (the only time they are readable). */
export async function replaceRecoveryCodes(tx: Pick<DbTransaction, "mfaRecoveryCode">, owner: MfaOwner): Promise<string[]> {
  const codes = Array.from({ length: COUNT }, newCode);
  await tx.mfaRecoveryCode.deleteMany({ where: ownerWhere(owner) });
  await tx.mfaRecoveryCode.createMany({ data: codes.map((code) => ({ ...ownerWhere(owner), codeHash: sha256Hex(code) })) });
  return codes;
}

/** Uses a code up: one conditional UPDATE, so it works once even under parallel submissions. */
export async function consumeRecoveryCode(owner: MfaOwner, code: string): Promise<boolean> {
  if (!looksLikeRecoveryCode(code)) return false;
  const used = await db().mfaRecoveryCode.updateMany({
    where: { ...ownerWhere(owner), codeHash: sha256Hex(normalise(code)), usedAt: null },
    data: { usedAt: new Date() },
  });
  return used.count === 1;
}

export async function remainingRecoveryCodes(owner: MfaOwner): Promise<number> {
  return db().mfaRecoveryCode.count({ where: { ...ownerWhere(owner), usedAt: null } });
}
