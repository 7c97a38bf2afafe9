// Authorization codes (RFC 6749 4.1): random, stored as SHA-256, single-use, short, bound to
// the client, the redirect URI and the PKCE challenge. A code presented twice revokes what
// its first use issued (RFC 6749 4.1.2).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import type { AuthenticatedClient } from "./authenticate-client";
import { OAuthError } from "./oauth-response";
import type { ProtocolRealm } from "./realm-for-protocol";
import { publishRealmRevocation } from "../publish-revocation";

export type CodeRequest = {
  clientId: string;
  userId: string;
  redirectUri: string;
  scope: string;
  nonce: string | null;
  codeChallenge: string | null;
};

export async function createAuthorizationCode(realm: ProtocolRealm, request: CodeRequest): Promise<string> {
  const code = randomBytes(32).toString("base64url");
  await db().realmAuthorizationCode.create({
    data: {
      codeHash: sha256Hex(code),
      clientId: request.clientId,
      userId: request.userId,
      redirectUri: request.redirectUri,
      scope: request.scope,
      nonce: request.nonce,
      codeChallenge: request.codeChallenge,
      codeChallengeMethod: request.codeChallenge ? "S256" : null,
      expiresAt: new Date(Date.now() + realm.authCodeLifetimeSeconds * 1000),
    },
  });
  return code;
}

function pkceMatches(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash("sha256").update(verifier).digest("base64url"));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

const invalidGrant = (why: string) => new OAuthError("invalid_grant", why);

/** Consumes the code: every check passes or nothing is issued, and it never works twice. */
export async function redeemAuthorizationCode(
  client: AuthenticatedClient,
  form: { code: string | null; redirectUri: string | null; codeVerifier: string | null },
) {
  if (!form.code) throw new OAuthError("invalid_request", "code is required");
  const hash = sha256Hex(form.code);
  const row = await db().realmAuthorizationCode.findUnique({ where: { codeHash: hash }, include: { user: { select: { enabled: true } } } });
  if (!row || row.clientId !== client.id) throw invalidGrant("The authorization code is invalid");
  if (row.usedAt) {
    const revoked = row.familyId ? await db().realmRefreshFamily.updateMany({ where: { id: row.familyId, revokedAt: null }, data: { revokedAt: new Date() } }) : null;
    if (revoked?.count) await publishRealmRevocation("authorization code replayed: its login revoked", client.realmId);
    throw invalidGrant("The authorization code was already used; the tokens it issued are revoked");
  }
  const claimed = await db().realmAuthorizationCode.updateMany({ where: { codeHash: hash, usedAt: null }, data: { usedAt: new Date() } });
  if (claimed.count !== 1) throw invalidGrant("The authorization code was already used");
  if (row.expiresAt <= new Date()) throw invalidGrant("The authorization code has expired");
  if (form.redirectUri !== row.redirectUri) throw invalidGrant("redirect_uri does not match the authorization request");
  if (row.codeChallenge) {
    if (!form.codeVerifier || !/^[A-Za-z0-9._~-]{43,128}$/.test(form.codeVerifier)) throw invalidGrant("A valid code_verifier is required (PKCE)");
    if (!pkceMatches(form.codeVerifier, row.codeChallenge)) throw invalidGrant("code_verifier does not match the code_challenge");
  } else if (form.codeVerifier) {
    throw invalidGrant("code_verifier sent, but the authorization request had no code_challenge");
  }
  if (!row.user.enabled) throw invalidGrant("The user is disabled");
  return row;
}

export async function linkCodeToFamily(codeHashOf: string, familyId: string) {
  await db().realmAuthorizationCode.update({ where: { codeHash: sha256Hex(codeHashOf) }, data: { familyId } });
}
