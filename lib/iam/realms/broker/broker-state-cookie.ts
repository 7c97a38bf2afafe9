// What the broker remembers between sending the browser to the provider and its callback: the
// state, nonce and PKCE verifier, and the realm's own authorization request to continue. Sealed
// with the secrets key (AES-GCM: unreadable and unforgeable), in a cookie scoped to this
// provider's broker paths. SameSite=Lax, not Strict: the callback is a cross-site navigation
// from the provider, and Lax cookies go along with those (top-level GET) and nothing else.
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { cookieValue } from "../oidc/form-cookies";

const COOKIE = "portcullis_broker";
const LIFETIME_SECONDS = 600;
const PURPOSE = "realm-broker-v1";

export type BrokerState = {
  realmId: string;
  alias: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The realm authorization request's parameters (response_type, client_id, redirect_uri, …). */
  params: Record<string, string>;
};

const cookiePath = (realmName: string, alias: string) => `/realms/${realmName}/broker/${alias}/`;
const secure = () => (env().NEXTAUTH_URL.startsWith("https://") ? "; Secure" : "");

export function brokerStateCookie(realmName: string, value: BrokerState): string {
  const sealed = encryptSecret(JSON.stringify({ purpose: PURPOSE, exp: Date.now() + LIFETIME_SECONDS * 1000, ...value }));
  return `${COOKIE}=${sealed}; Path=${cookiePath(realmName, value.alias)}; HttpOnly; SameSite=Lax; Max-Age=${LIFETIME_SECONDS}${secure()}`;
}

/** Spent after one callback, whatever it answered: a callback URL cannot be replayed against it. */
export const clearedBrokerStateCookie = (realmName: string, alias: string) =>
  `${COOKIE}=; Path=${cookiePath(realmName, alias)}; HttpOnly; SameSite=Lax; Max-Age=0${secure()}`;

/** The state this browser started for this realm and provider, or null (none, tampered, expired, another's). */
export function readBrokerState(request: Request, realm: { id: string }, alias: string): BrokerState | null {
  const raw = cookieValue(request, COOKIE);
  if (!raw) return null;
  let value: BrokerState & { purpose?: unknown; exp?: unknown };
  try {
    value = JSON.parse(decryptSecret(raw));
  } catch {
    return null;
  }
  if (value.purpose !== PURPOSE || typeof value.exp !== "number" || value.exp <= Date.now()) return null;
  if (value.realmId !== realm.id || value.alias !== alias) return null;
  return value;
}
