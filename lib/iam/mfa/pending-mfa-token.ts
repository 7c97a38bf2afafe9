// Between the password and the second factor nobody holds a session or an authorization code,
// only this: a short-lived JWT (HS256, a key derived from NEXTAUTH_SECRET) naming the user, where
// they signed in (the console or one realm) and what is left to do (verify a factor, or enrol a
// first one because policy requires it). It is spent once the second step succeeds.
import { createHash, randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { ownerKey, type MfaOwner } from "./mfa-owner";

const LIFETIME_SECONDS = 300;
const ISSUER = "portcullis:mfa";

export type PendingPurpose = "verify" | "enrol";
/** "console", or "realm:<realm id>" */
export type PendingAudience = string;
export type PendingMfa = { owner: MfaOwner; audience: PendingAudience; purpose: PendingPurpose; jti: string };

const key = () => createHash("sha256").update(`portcullis pending mfa\0${env().NEXTAUTH_SECRET}`).digest();

export async function signPendingMfaToken(owner: MfaOwner, audience: PendingAudience, purpose: PendingPurpose): Promise<string> {
  return new SignJWT({ purpose })
    .setProtectedHeader({ alg: "HS256", typ: "pending-mfa+jwt" })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setSubject(ownerKey(owner))
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key());
}

function ownerFrom(subject: string): MfaOwner | null {
  const [kind, id] = subject.split(/:(.*)/s);
  if (!id) return null;
  if (kind === "user") return { kind: "user", userId: id };
  if (kind === "realm-user") return { kind: "realm-user", realmUserId: id };
  return null;
}

const spentKey = (jti: string) => `${env().CONFIG_CHANNEL_PREFIX}:mfa:pending-spent:${jti}`;

/** The token's claims if it is valid for `audience` and not spent; otherwise null. */
export async function readPendingMfaToken(token: string, audience: PendingAudience): Promise<PendingMfa | null> {
  try {
    const { payload } = await jwtVerify(token, key(), { issuer: ISSUER, audience, algorithms: ["HS256"], typ: "pending-mfa+jwt" });
    const owner = payload.sub ? ownerFrom(payload.sub) : null;
    const purpose = payload.purpose;
    if (!owner || !payload.jti || (purpose !== "verify" && purpose !== "enrol")) return null;
    if (await redis().exists(spentKey(payload.jti))) return null;
    return { owner, audience, purpose, jti: payload.jti };
  } catch {
    return null;
  }
}

/** Spends the token: true only for the first caller (SET NX), so a token signs in once. */
export async function spendPendingMfaToken(pending: PendingMfa): Promise<boolean> {
  return (await redis().set(spentKey(pending.jti), "1", "EX", LIFETIME_SECONDS + 60, "NX")) === "OK";
}
