// Client authentication at the token, introspection and revocation endpoints:
// client_secret_basic (RFC 6749 2.3.1: id and secret form-urlencoded, then Basic), client_secret_post,
// private_key_jwt (a signed assertion, no secret: client-assertion.ts), or, for public clients,
// client_id alone. One method per request; secrets compared in constant time.
import { timingSafeEqual } from "node:crypto";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { assertedClientId, JWT_BEARER_ASSERTION, verifyClientAssertion } from "./client-assertion";
import { OAuthError } from "./oauth-response";
import type { ProtocolRealm } from "./realm-for-protocol";

export const clientAuthInclude = {
  serviceRoles: { select: { name: true } },
} as const;

export type AuthenticatedClient = NonNullable<Awaited<ReturnType<typeof findClient>>>;

function findClient(realmId: string, clientId: string) {
  return db().realmClient.findUnique({
    where: { realmId_clientId: { realmId, clientId } },
    include: clientAuthInclude,
    omit: { secretHash: false },
  });
}

function basicCredentials(header: string | null): { id: string; secret: string } | undefined {
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw invalidClient(true);
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " ")), secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, " ")) };
  } catch {
    throw invalidClient(true);
  }
}

function invalidClient(viaBasic: boolean) {
  // RFC 6749 5.2: 401 with WWW-Authenticate when the client tried the Authorization header.
  return new OAuthError("invalid_client", "Client authentication failed", 401, viaBasic ? { "www-authenticate": 'Basic realm="token"' } : {});
}

function secretMatches(secret: string, hash: string | null): boolean {
  if (!hash) return false;
  return timingSafeEqual(Buffer.from(sha256Hex(secret), "hex"), Buffer.from(hash, "hex"));
}

export async function authenticateClient(realm: ProtocolRealm, request: Request, form: URLSearchParams): Promise<AuthenticatedClient> {
  if (form.get("client_assertion") !== null || form.get("client_assertion_type") !== null) {
    return authenticateWithAssertion(realm, request, form);
  }
  const basic = basicCredentials(request.headers.get("authorization"));
  const postedSecret = form.get("client_secret");
  if (basic && (postedSecret !== null || (form.get("client_id") !== null && form.get("client_id") !== basic.id))) {
    throw new OAuthError("invalid_request", "Use one client authentication method per request");
  }
  const clientId = basic?.id ?? form.get("client_id");
  if (!clientId) throw invalidClient(false);
  const client = await findClient(realm.id, clientId);
  const secret = basic?.secret ?? postedSecret;
  if (!client || !client.enabled) throw invalidClient(basic !== undefined);
  // A client registered for private_key_jwt has no secret: only its assertion authenticates it.
  if (client.tokenEndpointAuthMethod === "PRIVATE_KEY_JWT") throw invalidClient(basic !== undefined);
  if (client.type === "CONFIDENTIAL") {
    if (secret === null || !secretMatches(secret, client.secretHash)) throw invalidClient(basic !== undefined);
  } else if (secret !== null && secret !== "") {
    // A public client has no secret; one that sends one is misconfigured, not authenticated.
    throw invalidClient(basic !== undefined);
  }
  return client;
}

async function authenticateWithAssertion(realm: ProtocolRealm, request: Request, form: URLSearchParams): Promise<AuthenticatedClient> {
  if (request.headers.get("authorization") !== null || form.get("client_secret") !== null) {
    throw new OAuthError("invalid_request", "Use one client authentication method per request");
  }
  if (form.get("client_assertion_type") !== JWT_BEARER_ASSERTION) {
    throw new OAuthError("invalid_request", `client_assertion_type must be ${JWT_BEARER_ASSERTION}`);
  }
  const assertion = form.get("client_assertion");
  if (!assertion) throw new OAuthError("invalid_request", "client_assertion is required");
  const clientId = assertedClientId(assertion);
  const named = form.get("client_id");
  if (named !== null && named !== clientId) throw invalidClient(false);
  const client = await findClient(realm.id, clientId);
  if (!client || !client.enabled || client.tokenEndpointAuthMethod !== "PRIVATE_KEY_JWT") throw invalidClient(false);
  await verifyClientAssertion(realm, client, assertion, new URL(request.url).pathname);
  return client;
}
