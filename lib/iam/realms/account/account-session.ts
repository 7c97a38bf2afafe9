// A realm user's sign-in to their account page (/realms/{realm}/account), Keycloak's account
// console in miniature: an HttpOnly, SameSite=Strict cookie scoped to that path, holding a
// short JWT (HS256, a key derived from NEXTAUTH_SECRET, its own label) naming the user and the
// realm. It is no token of the realm: nothing else accepts it, and it lasts 15 minutes, so
// changing one's factors always follows a recent sign-in (with the second factor, if any).
// "Sign out everywhere" (sessions/realm-sessions.ts) ends it too: cookies signed before it are refused.
import { createHash, randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { env } from "@/lib/env";
import { cookieValue } from "../oidc/form-cookies";
import { redis } from "@/lib/redis";
import type { ProtocolRealm } from "../oidc/realm-for-protocol";

const COOKIE = "portcullis_realm_account";
const LIFETIME_SECONDS = 900;
const ISSUER = "portcullis:realm-account";
const key = () => createHash("sha256").update(`portcullis realm account\0${env().NEXTAUTH_SECRET}`).digest();
const audience = (realm: ProtocolRealm) => `realm-account:${realm.id}`;

export const accountPath = (realm: ProtocolRealm) => `/realms/${realm.name}/account`;
const secure = () => (env().NEXTAUTH_URL.startsWith("https://") ? "; Secure" : "");


export async function accountSessionCookie(realm: ProtocolRealm, realmUserId: string): Promise<string> {
  // `at` in milliseconds: a sign-in in the same second as a sign-out-everywhere still counts as after it.
  const jwt = await new SignJWT({ at: Date.now() })
    .setProtectedHeader({ alg: "HS256", typ: "realm-account+jwt" })
    .setIssuer(ISSUER)
    .setAudience(audience(realm))
    .setSubject(realmUserId)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key());
  return `${COOKIE}=${jwt}; Path=${accountPath(realm)}; HttpOnly; SameSite=Strict; Max-Age=${LIFETIME_SECONDS}${secure()}`;
}

const signedOutKey = (realmUserId: string) => `${env().CONFIG_CHANNEL_PREFIX}:realm-account:signed-out:${realmUserId}`;

/** Ends every account-page session of the user signed so far (kept as long as such a cookie lives). */
export async function endAccountSessions(realmUserId: string): Promise<void> {
  await redis().set(signedOutKey(realmUserId), String(Date.now()), "EX", LIFETIME_SECONDS);
}

export const clearedAccountSessionCookie = (realm: ProtocolRealm) => `${COOKIE}=; Path=${accountPath(realm)}; HttpOnly; SameSite=Strict; Max-Age=0${secure()}`;

/** The realm user id the request's cookie names, if it is valid for this realm. */
export async function accountSessionUserId(realm: ProtocolRealm, request: Request): Promise<string | null> {
  const jwt = cookieValue(request, COOKIE);
  if (!jwt) return null;
  try {
    const { payload } = await jwtVerify(jwt, key(), { issuer: ISSUER, audience: audience(realm), algorithms: ["HS256"], typ: "realm-account+jwt" });
    if (!payload.sub || typeof payload.at !== "number") return null;
    const signedOut = Number((await redis().get(signedOutKey(payload.sub))) ?? 0);
    return payload.at > signedOut ? payload.sub : null;
  } catch {
    return null;
  }
}
