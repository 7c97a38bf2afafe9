// Identity brokering (#16): realm users sign in through an identity provider, driven like a
// browser (redirects followed by hand, cookies kept) against a real oidc-provider as the
// provider: client → realm /auth → "Sign in with …" → provider login → the realm's callback →
// the realm's code → a realm token whose `sub` is the realm user (created on first sign-in, the
// same one after) and whose roles come from the provider's claims through the role mappings.
// Tampered state, a missing broker cookie, a disabled user, an unverified email when linking by
// email, an existing email under `create`, and a provider that is down each end on an error page
// with no code. The realm's MFA policy applies after the provider's sign-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { decodeJwt } from "jose";
import * as oidc from "openid-client";
import * as realmsRoute from "@/app/api/v1/realms/route";
import * as realmRoute from "@/app/api/v1/realms/[realm]/route";
import * as clientsRoute from "@/app/api/v1/realms/[realm]/clients/route";
import * as providersRoute from "@/app/api/v1/realms/[realm]/identity-providers/route";
import * as providerRoute from "@/app/api/v1/realms/[realm]/identity-providers/[alias]/route";
import * as rolesRoute from "@/app/api/v1/realms/[realm]/roles/route";
import * as usersRoute from "@/app/api/v1/realms/[realm]/users/route";
import * as userRoute from "@/app/api/v1/realms/[realm]/users/[userId]/route";
import * as linksRoute from "@/app/api/v1/realms/[realm]/users/[userId]/identity-links/route";
import * as linkRoute from "@/app/api/v1/realms/[realm]/users/[userId]/identity-links/[alias]/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { createIdentity } from "../support/identities";
import { cookieBrowser, unescapeHtml, type Hop } from "../support/cookie-browser";
import { startExternalProvider, type ExternalProvider } from "../support/external-oidc-provider";
import { freePort } from "../support/free-port";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";

const suffix = Math.random().toString(36).slice(2, 8);
const REALM = `broker-${suffix}`;
const EMAIL_REALM = `broker-mail-${suffix}`;
const CLIENT_REDIRECT = "http://127.0.0.1:9/callback";
const RP = { clientId: "realm-broker", secret: "broker-secret-0123456789abcdef" };
let server: RealmIssuerServer;
let partner: ExternalProvider;

const accounts = {
  "ext-alice": { email: "alice@partner.example", email_verified: true, preferred_username: "Alice", department: "sales" },
  "ext-carol": { email: "carol@partner.example", email_verified: true, preferred_username: "carol", department: "support" },
  "ext-bob": { email: "bob@example.com", email_verified: true, preferred_username: "bobby" },
  "ext-mallory": { email: "victim@example.com", email_verified: false, preferred_username: "mallory" },
  "ext-dave": { email: "dave@partner.example", email_verified: true, preferred_username: "dave" },
};

async function created(handler: unknown, path: string, body: unknown, params: Record<string, string>) {
  const res = await callRoute(handler, { method: "POST", path, body, params });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function realmWithClient(name: string) {
  await created(realmsRoute.POST, "/realms", { name, displayName: `Realm ${name}` }, {});
  await created(rolesRoute.POST, `/realms/${name}/roles`, { name: "orders-reader" }, { realm: name });
  await created(clientsRoute.POST, `/realms/${name}/clients`, { clientId: "portal", type: "public", redirectUris: [CLIENT_REDIRECT] }, { realm: name });
}

const provider = (realm: string, firstLogin: "create" | "link_by_email", extra: Record<string, unknown> = {}) =>
  created(
    providersRoute.POST,
    `/realms/${realm}/identity-providers`,
    {
      alias: "partner",
      issuer: partner.issuer,
      displayName: "Partner SSO",
      signInEnabled: true,
      clientId: RP.clientId,
      clientSecret: RP.secret,
      firstLogin,
      roleMappings: [{ claim: "department", value: "sales", role: "orders-reader" }],
      ...extra,
    },
    { realm },
  );

beforeAll(async () => {
  server = await startRealmIssuerServer();
  partner = await startExternalProvider({
    audience: "urn:partner:api",
    clients: [],
    signIn: {
      client: { ...RP, redirectUris: [REALM, EMAIL_REALM].map((r) => `${server.origin}/realms/${r}/broker/partner/endpoint`) },
      accounts,
    },
  });
  await realmWithClient(REALM);
  await provider(REALM, "create");
  await realmWithClient(EMAIL_REALM);
  await provider(EMAIL_REALM, "link_by_email");
  await created(usersRoute.POST, `/realms/${EMAIL_REALM}/users`, { username: "bob", email: "Bob@Example.com" }, { realm: EMAIL_REALM });
  await created(usersRoute.POST, `/realms/${EMAIL_REALM}/users`, { username: "victim", email: "victim@example.com" }, { realm: EMAIL_REALM });
});
afterAll(async () => {
  await partner?.close();
  await server?.close();
});

/** A relying party of the realm starting a code flow: the authorization URL and how to finish it. */
async function realmAuthorization(realm: string) {
  const config = await oidc.discovery(new URL(`${server.origin}/realms/${realm}`), "portal", undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: CLIENT_REDIRECT,
    scope: "openid email",
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  const finish = (location: URL) => oidc.authorizationCodeGrant(config, location, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
  return { url, finish };
}

const isCallback = (hop: Hop) => hop.location?.pathname.endsWith("/broker/partner/endpoint") ?? false;

/**
 * Through the realm's login page to the provider, signs in there as `account`, and stops at the
 * redirect to the realm's broker callback (not yet followed).
 */
async function throughProvider(realm: string, account: string) {
  const browser = cookieBrowser();
  const flow = await realmAuthorization(realm);
  const login = await browser.get(flow.url);
  expect(login.status).toBe(200);
  const link = /<a class="broker" href="([^"]+)">Sign in with Partner SSO<\/a>/.exec(login.html);
  expect(link, login.html).not.toBeNull();
  // The broker sends the browser to the provider, which asks who is signing in.
  const atProvider = await browser.follow(new URL(unescapeHtml(link![1]!), flow.url), (hop) => hop.location?.pathname.startsWith("/interaction/") ?? false);
  expect(atProvider.location?.origin).toBe(partner.issuer);
  const back = await browser.follow(`${atProvider.location!.href}/login?account=${account}`, isCallback);
  expect(isCallback(back), JSON.stringify(back)).toBe(true);
  return { browser, flow, callback: back.location! };
}

/** The whole sign-in: answers the realm's token response. */
async function signInThrough(realm: string, account: string) {
  const { browser, flow, callback } = await throughProvider(realm, account);
  const done = await browser.get(callback);
  expect(done.status, done.html).toBe(303);
  expect(done.location!.href.startsWith(CLIENT_REDIRECT)).toBe(true);
  return flow.finish(done.location!);
}

const linkOf = (realm: string, subject: string) =>
  db().realmUserIdentityLink.findFirst({ where: { subject, provider: { alias: "partner", realm: { name: realm } } }, include: { user: { include: { roles: true } } } });

describe("signing in to a realm through an identity provider", () => {
  it("creates and links a realm user on the first sign-in, with mapped roles, and signs in as the same user after", async () => {
    const tokens = await signInThrough(REALM, "ext-alice");
    const claims = decodeJwt(tokens.access_token);
    const link = await linkOf(REALM, "ext-alice");
    expect(link).not.toBeNull();
    expect(link!.user).toMatchObject({ username: "alice", email: "alice@partner.example", enabled: true });
    // No password: this user signs in only through the provider.
    expect((await db().realmUser.findUniqueOrThrow({ where: { id: link!.realmUserId }, omit: { passwordHash: false } })).passwordHash).toBeNull();
    expect(claims.sub).toBe(link!.user.id);
    expect(claims.iss).toBe(`${server.origin}/realms/${REALM}`);
    expect((claims.realm_access as { roles: string[] }).roles).toContain("orders-reader");
    expect(tokens.claims()?.sub).toBe(link!.user.id);

    const audit = await db().auditEvent.findMany({ where: { entityId: link!.user.id } });
    expect(audit.map((e) => e.action).sort()).toEqual(["realm.user_created", "realm_user.identity_linked"]);
    expect(audit.find((e) => e.action === "realm_user.identity_linked")!.after).toMatchObject({ realm: REALM, provider: "partner", subject: "ext-alice", roles: ["orders-reader"] });

    const again = await signInThrough(REALM, "ext-alice");
    expect(decodeJwt(again.access_token).sub).toBe(link!.user.id);
    expect(await db().realmUser.count({ where: { realm: { name: REALM }, username: { startsWith: "alice" } } })).toBe(1);
  });

  it("gives a person whose claims map to no role no role", async () => {
    const tokens = await signInThrough(REALM, "ext-carol");
    expect((decodeJwt(tokens.access_token).realm_access as { roles: string[] } | undefined)?.roles ?? []).not.toContain("orders-reader");
  });

  it("refuses a tampered state, a replayed callback and a callback without the broker cookie, issuing no code", async () => {
    const { browser, callback } = await throughProvider(REALM, "ext-dave");
    const tampered = new URL(callback);
    tampered.searchParams.set("state", "forged-state-value");
    const refused = await browser.get(tampered);
    expect(refused.status).toBe(400);
    expect(refused.location).toBeNull();
    expect(refused.html).toContain("could not be verified");
    // The cookie was spent by that attempt: the genuine callback now finds no sign-in to finish.
    const replay = await browser.get(callback);
    expect(replay.status).toBe(400);
    expect(replay.html).toContain("Sign-in expired");
    // Another browser (no cookie) with a genuine callback URL.
    const fresh = await throughProvider(REALM, "ext-dave");
    const stranger = await cookieBrowser().get(fresh.callback);
    expect(stranger.status).toBe(400);
    expect(await linkOf(REALM, "ext-dave")).toBeNull();
  });

  it("shows the provider's refusal (the person cancelled there) as a page, with no code", async () => {
    const { browser, callback } = await throughProvider(REALM, "ext-dave");
    const cancelled = new URL(callback);
    cancelled.searchParams.delete("code");
    cancelled.searchParams.set("error", "access_denied");
    const page = await browser.get(cancelled);
    expect(page.status).toBe(401);
    expect(page.location).toBeNull();
    expect(page.html).toContain("did not sign you in (access_denied)");
  });

  it("refuses an ID token whose signature the provider's published keys do not verify", async () => {
    const { browser, callback } = await throughProvider(REALM, "ext-dave");
    partner.publishForeignKeys(true);
    try {
      const refused = await browser.get(callback);
      expect(refused.status).toBe(502);
      expect(refused.location).toBeNull();
      expect(refused.html).toContain("did not pass the checks");
    } finally {
      partner.publishForeignKeys(false);
    }
    expect(await linkOf(REALM, "ext-dave")).toBeNull();
  });

  it("refuses a disabled realm user", async () => {
    await signInThrough(REALM, "ext-carol");
    const user = (await linkOf(REALM, "ext-carol"))!.user;
    const off = await callRoute(userRoute.PATCH, { method: "PATCH", path: `/realms/${REALM}/users/${user.id}`, params: { realm: REALM, userId: user.id }, body: { enabled: false } });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    const { browser, callback } = await throughProvider(REALM, "ext-carol");
    const refused = await browser.get(callback);
    expect(refused.status).toBe(403);
    expect(refused.location).toBeNull();
    expect(refused.html).toContain("Account disabled");
  });

  it("under `create`, refuses to shadow a realm user who already has the provider's verified email", async () => {
    await created(usersRoute.POST, `/realms/${REALM}/users`, { username: "bob", email: "bob@example.com" }, { realm: REALM });
    const { browser, callback } = await throughProvider(REALM, "ext-bob");
    const refused = await browser.get(callback);
    expect(refused.status).toBe(409);
    expect(refused.html).toContain("already exists");
    expect(await linkOf(REALM, "ext-bob")).toBeNull();
  });
});

describe("linking by verified email", () => {
  it("links the provider's identity to the realm user with that email", async () => {
    const bob = await db().realmUser.findFirstOrThrow({ where: { realm: { name: EMAIL_REALM }, username: "bob" } });
    const tokens = await signInThrough(EMAIL_REALM, "ext-bob");
    expect(decodeJwt(tokens.access_token).sub).toBe(bob.id);
    expect((await linkOf(EMAIL_REALM, "ext-bob"))!.realmUserId).toBe(bob.id);
    const audit = await db().auditEvent.findFirst({ where: { entityId: bob.id, action: "realm_user.identity_linked" } });
    expect(audit?.after).toMatchObject({ provider: "partner", subject: "ext-bob", email: "bob@example.com" });
  });

  it("refuses an email the provider has not verified", async () => {
    const { browser, callback } = await throughProvider(EMAIL_REALM, "ext-mallory");
    const refused = await browser.get(callback);
    expect(refused.status).toBe(403);
    expect(refused.html).toContain("Email not verified");
    expect(await linkOf(EMAIL_REALM, "ext-mallory")).toBeNull();
  });

  it("refuses an email no realm user has", async () => {
    const { browser, callback } = await throughProvider(EMAIL_REALM, "ext-dave");
    const refused = await browser.get(callback);
    expect(refused.status).toBe(403);
    expect(refused.html).toContain("No account");
  });
});

describe("the realm's MFA policy after the provider", () => {
  it("asks a brokered user to enrol a second factor before any code is issued", async () => {
    // The realm's own login policy, switched on for this test only.
    const patched = await callRoute(realmRoute.PATCH, { method: "PATCH", path: `/realms/${REALM}`, params: { realm: REALM }, body: { mfaRequired: true } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    try {
      const { browser, flow, callback } = await throughProvider(REALM, "ext-alice");
      const page = await browser.get(callback);
      expect(page.status, page.html).toBe(200);
      expect(page.html).toContain("requires a second factor");
      const secret = /<code>([A-Z2-7]+)<\/code>/.exec(page.html)![1]!;
      const fields = new URLSearchParams();
      for (const [, name, value] of page.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.set(name!, unescapeHtml(value!));
      fields.set("otp", await generate({ secret }));
      const action = new URL(/<form method="post" action="([^"]+)"/.exec(page.html)![1]!, callback);
      const csrf = browser.cookies(server.origin).get("portcullis_realm_login")!;
      const res = await fetch(action, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: `portcullis_realm_login=${csrf}`, origin: server.origin },
        body: fields,
      });
      expect(res.status, await res.clone().text()).toBe(303);
      const tokens = await flow.finish(new URL(res.headers.get("location")!));
      expect(decodeJwt(tokens.access_token).sub).toBe((await linkOf(REALM, "ext-alice"))!.realmUserId);
    } finally {
      await callRoute(realmRoute.PATCH, { method: "PATCH", path: `/realms/${REALM}`, params: { realm: REALM }, body: { mfaRequired: false } });
    }
  });
});

describe("a provider that is down", () => {
  it("shows an error page at the sign-in link", async () => {
    const realm = `broker-down-${suffix}`;
    await realmWithClient(realm);
    const deadIssuer = `http://127.0.0.1:${await freePort()}`;
    await created(
      providersRoute.POST,
      `/realms/${realm}/identity-providers`,
      { alias: "partner", issuer: deadIssuer, jwksUri: `${deadIssuer}/jwks`, displayName: "Partner SSO", signInEnabled: true, clientId: "x", clientSecret: "y" },
      { realm },
    );
    const browser = cookieBrowser();
    const flow = await realmAuthorization(realm);
    const login = await browser.get(flow.url);
    const link = /<a class="broker" href="([^"]+)">/.exec(login.html)![1]!;
    const page = await browser.get(new URL(unescapeHtml(link), flow.url));
    expect(page.status).toBe(502);
    expect(page.html).toContain("could not be reached");
  });
});

describe("managing sign-in through a provider", () => {
  it("keeps the client secret write-only and encrypted at rest, and needs a client to enable sign-in", async () => {
    const got = await callRoute(providerRoute.GET, { method: "GET", path: `/realms/${REALM}/identity-providers/partner`, params: { realm: REALM, alias: "partner" } });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      signInEnabled: true,
      displayName: "Partner SSO",
      clientId: RP.clientId,
      hasClientSecret: true,
      scopes: ["openid", "email", "profile"],
      firstLogin: "create",
      redirectUri: `${server.origin}/realms/${REALM}/broker/partner/endpoint`,
    });
    expect(JSON.stringify(got.body)).not.toContain(RP.secret);
    const row = await db().realmIdentityProvider.findFirstOrThrow({ where: { alias: "partner", realm: { name: REALM } } });
    expect(row.brokerClientSecretCiphertext).toMatch(/^v1\./);
    expect(row.brokerClientSecretCiphertext).not.toContain(RP.secret);
    const audit = await db().auditEvent.findMany({ where: { entityId: row.id } });
    expect(JSON.stringify(audit)).not.toContain(RP.secret);

    const noClient = await callRoute(providerRoute.PATCH, {
      method: "PATCH",
      path: `/realms/${REALM}/identity-providers/partner`,
      params: { realm: REALM, alias: "partner" },
      body: { clientSecret: null },
    });
    expect(noClient.status).toBe(422);
    expect(noClient.body).toMatchObject({ error: { code: "unprocessable", message: "signInEnabled needs clientId and clientSecret" } });

    // Sign-in off: no link on the login page, and the broker URL knows no such provider.
    const off = await callRoute(providerRoute.PATCH, { method: "PATCH", path: `/realms/${REALM}/identity-providers/partner`, params: { realm: REALM, alias: "partner" }, body: { signInEnabled: false } });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    const flow = await realmAuthorization(REALM);
    const login = await cookieBrowser().get(flow.url);
    expect(login.status).toBe(200);
    expect(login.html).not.toContain("Sign in with");
    const broker = new URL(`/realms/${REALM}/broker/partner/login${flow.url.search}`, server.origin);
    expect((await cookieBrowser().get(broker)).status).toBe(404);
    await callRoute(providerRoute.PATCH, { method: "PATCH", path: `/realms/${REALM}/identity-providers/partner`, params: { realm: REALM, alias: "partner" }, body: { signInEnabled: true } });
  });
});

describe("a realm user's linked identities", () => {
  it("lists them and unlinks one (audited); the unlinked identity no longer signs in as the user", async () => {
    const alice = (await linkOf(REALM, "ext-alice"))!.user;
    const params = { realm: REALM, userId: alice.id };
    const listed = await callRoute(linksRoute.GET, { method: "GET", path: `/realms/${REALM}/users/${alice.id}/identity-links`, params });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ items: [{ alias: "partner", subject: "ext-alice", email: "alice@partner.example" }] });

    const viewer = await createIdentity("viewer");
    const forbidden = await callRoute(linkRoute.DELETE, { method: "DELETE", path: `/realms/${REALM}/users/${alice.id}/identity-links/partner`, params: { ...params, alias: "partner" }, as: viewer });
    expect(forbidden.status).toBe(403);
    const unknown = await callRoute(linkRoute.DELETE, { method: "DELETE", path: `/realms/${REALM}/users/${alice.id}/identity-links/nope`, params: { ...params, alias: "nope" } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: "not_found" } });

    const removed = await callRoute(linkRoute.DELETE, { method: "DELETE", path: `/realms/${REALM}/users/${alice.id}/identity-links/partner`, params: { ...params, alias: "partner" } });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ alias: "partner", subject: "ext-alice" });
    expect(await linkOf(REALM, "ext-alice")).toBeNull();
    const audit = await db().auditEvent.findFirst({ where: { entityId: alice.id, action: "realm_user.identity_unlinked" } });
    expect(audit?.before).toMatchObject({ realm: REALM, alias: "partner", subject: "ext-alice" });

    // Under `create`, the same person is now a stranger whose verified email an account already has.
    const { browser, callback } = await throughProvider(REALM, "ext-alice");
    const refused = await browser.get(callback);
    expect(refused.status).toBe(409);
    expect(refused.location).toBeNull();
  });
});
