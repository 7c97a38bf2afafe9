// Talking to an identity provider from the console: its discovery document (OpenID Connect
// Discovery 1.0, section 4) and its JWKS. The administrator names the URL, so every fetch is
// bounded: https only (plain http on this machine only), no redirects, a few seconds, a small body.
import type { IdentityProviderTestResult } from "./realm-identity-provider-schemas";
import { isHttpsOrLocal } from "./realm-identity-provider-schemas";

export const PROVIDER_FETCH_LIMITS = { timeoutMs: 5_000, maxBytes: 256 * 1024 } as const;

/** What went wrong talking to the provider, in words an administrator can act on. */
export class ProviderFetchError extends Error {
  override name = "ProviderFetchError";
}

const clip = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

function reasonOf(err: unknown): string {
  if (err instanceof ProviderFetchError) return err.message;
  if (err instanceof DOMException && err.name === "TimeoutError") return `no answer within ${PROVIDER_FETCH_LIMITS.timeoutMs / 1000} s`;
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.message?.includes("redirect")) return "it answered with a redirect (not followed)";
  if (cause?.code) return `unreachable (${cause.code})`;
  return "unreachable";
}

/** GET `url` as JSON, within the limits; throws ProviderFetchError saying why not. */
export async function fetchProviderJson(url: string): Promise<unknown> {
  if (!isHttpsOrLocal(url)) throw new ProviderFetchError(`${clip(url)} is not https`);
  let res: Response;
  try {
    res = await fetch(url, { redirect: "error", headers: { accept: "application/json" }, signal: AbortSignal.timeout(PROVIDER_FETCH_LIMITS.timeoutMs) });
  } catch (err) {
    throw new ProviderFetchError(`${clip(url)}: ${reasonOf(err)}`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new ProviderFetchError(`${clip(url)} answered HTTP ${res.status}`);
  }
  const tooBig = () => new ProviderFetchError(`${clip(url)} answered more than ${PROVIDER_FETCH_LIMITS.maxBytes / 1024} KB`);
  if (Number(res.headers.get("content-length") ?? 0) > PROVIDER_FETCH_LIMITS.maxBytes) {
    await res.body?.cancel();
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  try {
    for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
      size += part.value.byteLength;
      if (size > PROVIDER_FETCH_LIMITS.maxBytes) throw tooBig();
      chunks.push(part.value);
    }
  } catch (err) {
    await reader?.cancel().catch(() => {});
    throw err instanceof ProviderFetchError ? err : new ProviderFetchError(`${clip(url)}: ${reasonOf(err)}`);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new ProviderFetchError(`${clip(url)} did not answer JSON`);
  }
}

export const discoveryUrlOf = (issuer: string) => `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;

/** The issuer's jwks_uri, from a discovery document that names exactly this issuer. */
export async function discoverJwksUri(issuer: string): Promise<string> {
  const url = discoveryUrlOf(issuer);
  const doc = await fetchProviderJson(url);
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new ProviderFetchError(`${url} is not a discovery document`);
  const { issuer: named, jwks_uri: jwksUri } = doc as Record<string, unknown>;
  // Discovery 1.0 section 4.3: the document's issuer must be identical to the one it was fetched for.
  if (named !== issuer) {
    throw new ProviderFetchError(`the discovery document names the issuer ${typeof named === "string" ? clip(named) : "(none)"}, not ${issuer}`);
  }
  if (typeof jwksUri !== "string" || !URL.canParse(jwksUri) || !isHttpsOrLocal(jwksUri)) {
    throw new ProviderFetchError("the discovery document has no https jwks_uri");
  }
  return jwksUri;
}

type Jwks = IdentityProviderTestResult["jwks"];

/** The signing keys a JWKS publishes, described (never their material); throws when there are none. */
export async function inspectJwks(jwksUri: string): Promise<Pick<Jwks, "keys" | "algorithms">> {
  const set = await fetchProviderJson(jwksUri);
  const keys = (set as { keys?: unknown })?.keys;
  if (!Array.isArray(keys)) throw new ProviderFetchError(`${clip(jwksUri)} is not a JWKS (no "keys" array)`);
  const str = (v: unknown) => (typeof v === "string" ? clip(v) : null);
  const described = keys
    .filter((k): k is Record<string, unknown> => typeof k === "object" && k !== null && typeof k.kty === "string")
    .map((k) => ({ kid: str(k.kid), kty: str(k.kty)!, alg: str(k.alg), use: str(k.use), private: "d" in k }));
  if (described.some((k) => k.private)) throw new ProviderFetchError(`${clip(jwksUri)} publishes private key material: fix the provider first`);
  const signing = described.filter((k) => k.use !== "enc" && k.kty !== "oct").map(({ private: _, ...k }) => k);
  if (signing.length === 0) throw new ProviderFetchError(`${clip(jwksUri)} publishes no public signing key`);
  return { keys: signing, algorithms: [...new Set(signing.flatMap((k) => (k.alg ? [k.alg] : [])))].sort() };
}

/** Discovery and the JWKS, each reported with what it found or why it failed; never throws. */
export async function testProviderConnection(provider: { issuer: string; jwksUri: string; discovered: boolean }): Promise<IdentityProviderTestResult> {
  const discovery: IdentityProviderTestResult["discovery"] = { url: discoveryUrlOf(provider.issuer), ok: false, issuer: null, jwksUri: null, error: null };
  try {
    discovery.jwksUri = await discoverJwksUri(provider.issuer);
    Object.assign(discovery, { ok: true, issuer: provider.issuer });
  } catch (err) {
    discovery.error = reasonOf(err);
  }
  const jwks: Jwks = { url: provider.jwksUri, ok: false, keys: [], algorithms: [], error: null };
  try {
    Object.assign(jwks, await inspectJwks(provider.jwksUri), { ok: true });
  } catch (err) {
    jwks.error = reasonOf(err);
  }
  // An explicit JWKS URI needs no discovery document; a discovered one must still be the one published.
  if (provider.discovered && discovery.ok && discovery.jwksUri !== provider.jwksUri) {
    discovery.ok = false;
    discovery.error = "the discovery document now names another jwks_uri: save the provider again to pick it up";
  }
  return { ok: jwks.ok && (discovery.ok || !provider.discovered), discovery, jwks };
}
