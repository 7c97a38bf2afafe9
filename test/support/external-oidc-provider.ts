// A real external OpenID Connect provider (the `oidc-provider` package, certified) on a free
// port, acting as a partner's identity provider: confidential clients get client-credentials
// access tokens in JWT form for one resource (RFC 8707 resource indicators), carrying the claims
// the test gives each client. Its signing key is ours, so a test can also sign what it must not.
// With `signIn`, it is also a provider people sign in at (authorization code, identity
// brokering): its login step is test-driven, GET /interaction/{uid}/login?account=<id> signs in
// that account (claims from `accounts`; a browser gets a one-field form for it at
// /interaction/{uid}), and consent is implied for the relying party.
// oidc-provider 9 prints "Unsupported runtime" on Node 20 and works.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import Provider, { type ClientMetadata } from "oidc-provider";
import { freePort } from "./free-port";

export type ExternalClient = { clientId: string; secret: string; claims: Record<string, unknown> };
/** A relying party that signs people in with the authorization code flow, and the accounts they may be. */
export type ExternalSignIn = {
  client: { clientId: string; secret: string; redirectUris: string[] };
  accounts: Record<string, Record<string, unknown>>;
};

export type ExternalProvider = {
  issuer: string;
  /** The `aud` of its access tokens. */
  audience: string;
  kid: string;
  /** While on, its JWKS publishes another key than the one it signs with (a compromised or broken provider). */
  publishForeignKeys(on: boolean): void;
  /** A client-credentials access token (a JWT) of one of its clients. */
  tokenFor(clientId: string): Promise<string>;
  close(): Promise<void>;
};

export async function startExternalProvider(options: { audience: string; clients: ExternalClient[]; signIn?: ExternalSignIn }): Promise<ExternalProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const kid = "partner-key-1";
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: "RS256", use: "sig" };
  const claimsOf = new Map(options.clients.map((c) => [c.clientId, c.claims]));

  const signIn = options.signIn;
  const rp: ClientMetadata[] = signIn
    ? [{ client_id: signIn.client.clientId, client_secret: signIn.client.secret, grant_types: ["authorization_code"], redirect_uris: signIn.client.redirectUris, response_types: ["code"] }]
    : [];
  const provider = new Provider(issuer, {
    jwks: { keys: [signingJwk] },
    clients: [
      ...options.clients.map((c) => ({
        client_id: c.clientId,
        client_secret: c.secret,
        grant_types: ["client_credentials"],
        redirect_uris: [],
        response_types: [],
      })),
      ...rp,
    ],
    findAccount: (_ctx, id) => (signIn?.accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...signIn.accounts[id] }) } : undefined),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["preferred_username", "name", "department", "groups"] },
    // Everything in the ID token: that is what the broker reads.
    conformIdTokenClaims: false,
    // The relying party is first-party here: consent is implied for what it asks.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Client-credentials tokens are for the resource; a person's sign-in gets an opaque userinfo token.
        defaultResource: (_ctx, client) => (client?.grantTypes?.includes("client_credentials") ? options.audience : undefined),
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: "orders", audience: options.audience, accessTokenFormat: "jwt", jwt: { sign: { alg: "RS256" } } }),
      },
    },
    ttl: { ClientCredentials: 300 },
    extraTokenClaims: (_ctx, token) => ("clientId" in token && typeof token.clientId === "string" ? (claimsOf.get(token.clientId) ?? {}) : {}),
  });
  const callback = provider.callback();
  const { publicKey: foreignKey } = await generateKeyPair("RS256", { extractable: true });
  const foreignJwks = JSON.stringify({ keys: [{ ...(await exportJWK(foreignKey)), kid, alg: "RS256", use: "sig" }] });
  let foreign = false;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (foreign && req.url === "/jwks") return res.writeHead(200, { "content-type": "application/jwk-set+json" }).end(foreignJwks);
    const form = /^\/interaction\/([A-Za-z0-9_-]+)$/.exec(req.url ?? "");
    if (form && signIn) {
      const page = `<!doctype html><title>Partner sign-in</title><form method="get" action="/interaction/${form[1]}/login"><label>Account <input name="account"></label><button>Sign in at the partner</button></form>`;
      return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    }
    const login = /^\/interaction\/[^/]+\/login\?account=([^&]+)$/.exec(req.url ?? "");
    if (!login) return callback(req, res);
    // The person proves who they are here; the test names the account.
    const accountId = decodeURIComponent(login[1]!);
    if (!signIn?.accounts[accountId]) return res.writeHead(400).end("unknown account");
    provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false }).catch((err: Error) => res.writeHead(500).end(err.message));
  });
  server.listen(port, "127.0.0.1");
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));

  return {
    issuer,
    audience: options.audience,
    kid,
    publishForeignKeys: (on) => void (foreign = on),
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
