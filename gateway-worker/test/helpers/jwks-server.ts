// A local identity provider for tests: RS256 key pairs published as a JWKS
// on an ephemeral port (every path answers the set, so each test can use its
// own jwksUri and thus its own cache entry), a second key pair it does not
// publish (bad signatures), a signer with sensible defaults, and a key
// rotation that publishes a new key and signs with it from then on.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";

export const ISSUER = "https://idp.test/realms/acme";
export const AUDIENCE = "orders-api";
export const KID = "key-1";

export interface TestIdp {
  readonly url: string;
  /** JWKS fetches per path, to prove caching. */
  readonly hits: Map<string, number>;
  /** Next answers of the JWKS endpoint: "ok" or an HTTP status to fail with. */
  mode: "ok" | number;
  sign(claims?: JWTPayload, opts?: { expiresIn?: string | number | null; issuer?: string; audience?: string; kid?: string; foreignKey?: boolean }): Promise<string>;
  /** Publishes a new key (the old ones stay in the set) and signs with it from now on; returns its kid. */
  rotate(): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIdp(): Promise<TestIdp> {
  const [first, foreign] = await Promise.all([generateKeyPair("RS256"), generateKeyPair("RS256")]);
  const publicJwk = async (key: CryptoKey, kid: string): Promise<JWK> => ({ ...(await exportJWK(key)), kid, alg: "RS256", use: "sig" });
  const jwks = { keys: [await publicJwk(first.publicKey, KID)] };
  let signing = { kid: KID, privateKey: first.privateKey };
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    hits.set(req.url ?? "", (hits.get(req.url ?? "") ?? 0) + 1);
    if (idp.mode !== "ok") return void res.writeHead(idp.mode).end();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  const idp: TestIdp = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    mode: "ok",
    async sign(claims = {}, opts = {}) {
      const jwt = new SignJWT({ sub: "user-42", ...claims })
        .setProtectedHeader({ alg: "RS256", kid: opts.kid ?? signing.kid, typ: "JWT" })
        .setIssuer(opts.issuer ?? ISSUER)
        .setAudience(opts.audience ?? AUDIENCE)
        .setIssuedAt();
      // null: no `exp` at all.
      if (opts.expiresIn !== null) jwt.setExpirationTime(opts.expiresIn ?? "5m");
      return jwt.sign(opts.foreignKey ? foreign.privateKey : signing.privateKey);
    },
    async rotate() {
      const next = await generateKeyPair("RS256");
      const kid = `key-${jwks.keys.length + 1}`;
      jwks.keys.push(await publicJwk(next.publicKey, kid));
      signing = { kid, privateKey: next.privateKey };
      return kid;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return idp;
}
