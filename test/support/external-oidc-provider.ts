// A real external OpenID Connect provider (the `oidc-provider` package, certified) on a free
// port, acting as a partner's identity provider: confidential clients get client-credentials
// access tokens in JWT form for one resource (RFC 8707 resource indicators), carrying the claims
// the test gives each client. Its signing key is ours, so a test can also sign what it must not.
// oidc-provider 9 prints "Unsupported runtime" on Node 20 and works.
import type { Server } from "node:http";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import Provider from "oidc-provider";
import { freePort } from "./free-port";

export type ExternalClient = { clientId: string; secret: string; claims: Record<string, unknown> };

export type ExternalProvider = {
  issuer: string;
  /** The `aud` of its access tokens. */
  audience: string;
  kid: string;
  /** A client-credentials access token (a JWT) of one of its clients. */
  tokenFor(clientId: string): Promise<string>;
  close(): Promise<void>;
};

export async function startExternalProvider(options: { audience: string; clients: ExternalClient[] }): Promise<ExternalProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const kid = "partner-key-1";
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: "RS256", use: "sig" };
  const claimsOf = new Map(options.clients.map((c) => [c.clientId, c.claims]));

  const provider = new Provider(issuer, {
    jwks: { keys: [signingJwk] },
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.secret,
      grant_types: ["client_credentials"],
      redirect_uris: [],
      response_types: [],
    })),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: "orders", audience: options.audience, accessTokenFormat: "jwt", jwt: { sign: { alg: "RS256" } } }),
      },
    },
    ttl: { ClientCredentials: 300 },
    extraTokenClaims: (_ctx, token) => ("clientId" in token && typeof token.clientId === "string" ? (claimsOf.get(token.clientId) ?? {}) : {}),
  });
  const server: Server = provider.listen(port);
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));

  return {
    issuer,
    audience: options.audience,
    kid,
    async tokenFor(clientId) {
      const client = options.clients.find((c) => c.clientId === clientId)!;
      const res = await fetch(`${issuer}/token`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Basic ${Buffer.from(`${client.clientId}:${client.secret}`).toString("base64")}`,
        },
        body: new URLSearchParams({ grant_type: "client_credentials", scope: "orders" }),
      });
      const body = (await res.json()) as { access_token?: string };
      if (res.status !== 200 || !body.access_token) throw new Error(`token endpoint answered ${res.status}: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
