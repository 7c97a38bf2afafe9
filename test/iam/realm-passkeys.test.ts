// A realm user's stronger sign-in beyond TOTP (#16): passkeys (WebAuthn, driven here by a
// software authenticator against the realm's real pages over HTTP) and recovery codes, at the
// realm's /auth and on its account page (/realms/{realm}/account). A realm that requires MFA
// makes a user without a factor enrol (a passkey here) before any authorization code exists;
// the second step offers every factor the user has; recovery codes work once; the account page
// adds factors and makes codes; an admin reset removes every factor. All of it audited.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { generate } from "otplib";
import * as oidc from "openid-client";
import * as realmsRoute from "@/app/api/v1/realms/route";
import * as realmRoute from "@/app/api/v1/realms/[realm]/route";
import * as clientsRoute from "@/app/api/v1/realms/[realm]/clients/route";
import * as usersRoute from "@/app/api/v1/realms/[realm]/users/route";
import * as resetRoute from "@/app/api/v1/realms/[realm]/users/[userId]/mfa/reset/route";
import * as logoutRoute from "@/app/api/v1/realms/[realm]/users/[userId]/logout/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";
import { SoftwareAuthenticator } from "../support/software-authenticator";

let server: RealmIssuerServer;
const realm = `pk-${Math.random().toString(36).slice(2, 8)}`;
const PASSWORD = "correct horse battery";
const redirectUri = "http://127.0.0.1:9/callback";
let issuer: string;

beforeAll(async () => {
  server = await startRealmIssuerServer();
  issuer = (await callRoute(realmsRoute.POST, { method: "POST", path: "/realms", body: { name: realm } })).body.issuer;
  const client = await callRoute(clientsRoute.POST, { method: "POST", path: `/realms/${realm}/clients`, params: { realm }, body: { clientId: "spa", type: "public", redirectUris: [redirectUri] } });
  expect(client.status, JSON.stringify(client.body)).toBe(201);
  await setMfaRequired(true);
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => void vi.useFakeTimers({ toFake: ["Date"], now: new Date() }));
afterEach(() => void vi.useRealTimers());

const setMfaRequired = (mfaRequired: boolean) => callRoute(realmRoute.PATCH, { method: "PATCH", path: `/realms/${realm}`, params: { realm }, body: { mfaRequired } });
const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

type Form = { action: URL; fields: URLSearchParams; html: string };
type Page = { url: URL; status: number; html: string; headers: Headers; forms: Form[] };

/** A browser in miniature: one cookie jar, forms posted with their hidden fields and the console's Origin. */
class Browser {
  private jar = new Map<string, string>();
  private keep(res: Response) {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      this.jar.set(name!, value.join("="));
    }
  }
  private get cookie() {
    return [...this.jar].filter(([, v]) => v).map(([k, v]) => `${k}=${v}`).join("; ");
  }
  private async page(url: URL, res: Response): Promise<Page> {
    this.keep(res);
    const html = await res.text();
    const forms = [...html.matchAll(/<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/g)].map(([, action, inner]) => {
      const fields = new URLSearchParams();
      for (const [, name, value] of inner!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.set(name!, unescape(value!));
      return { action: new URL(unescape(action!), url), fields, html: inner! };
    });
    return { url, status: res.status, html, headers: res.headers, forms };
  }
  async get(url: URL) {
    return this.page(url, await fetch(url, { headers: { cookie: this.cookie }, redirect: "manual" }));
  }
  /** Posts the form; a redirect answers the Response itself. */
  async post(form: Form, fields: Record<string, string>): Promise<Page & { location: string | null }> {
    const body = new URLSearchParams(form.fields);
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    const res = await fetch(form.action, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookie, origin: form.action.origin },
      body,
    });
    return { ...(await this.page(form.action, res)), location: res.headers.get("location") };
  }
}

const formWith = (page: Page, marker: string) => {
  const form = page.forms.find((f) => f.html.includes(marker));
  expect(form, `a form with ${marker} in ${page.html}`).toBeDefined();
  return form!;
};
const passkeyOptions = (page: Page) => JSON.parse(/<script type="application\/json" id="passkey-options">([\s\S]*?)<\/script>/.exec(page.html)![1]!);

async function newUser() {
  const username = `u${Math.random().toString(36).slice(2, 8)}`;
  const res = await callRoute(usersRoute.POST, { method: "POST", path: `/realms/${realm}/users`, params: { realm }, body: { username, password: PASSWORD } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { username, id: res.body.id as string };
}

/** A code flow up to the page after the password, and how to finish it from the redirect. */
async function authorize(username: string) {
  const browser = new Browser();
  const config = await oidc.discovery(new URL(issuer), "spa", undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid",
    state,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  const login = await browser.get(url);
  const afterPassword = await browser.post(formWith(login, 'name="password"'), { username, password: PASSWORD });
  const finish = (location: string) => oidc.authorizationCodeGrant(config, new URL(location), { pkceCodeVerifier: verifier, expectedState: state });
  return { browser, afterPassword, finish };
}

const accountUrl = () => new URL(`/realms/${realm}/account`, server.origin);
const audits = (id: string, action: string) => db().auditEvent.count({ where: { entityId: id, action } });

describe("realm passkeys and recovery codes", () => {
  let user: { username: string; id: string };
  let passkey: SoftwareAuthenticator;
  let recoveryCodes: string[];
  let totpSecret: string;

  it("a realm that requires MFA makes a user without a factor create a passkey before any code is issued", async () => {
    user = await newUser();
    passkey = new SoftwareAuthenticator(server.origin);
    const { browser, afterPassword: page, finish } = await authorize(user.username);
    expect(page.status).toBe(200);
    expect(page.location).toBeNull();
    // Both ways to enrol: the authenticator app's QR code, and a passkey.
    expect(page.html).toContain('src="data:image/png;base64,');
    const options = passkeyOptions(page);
    expect(options.rp.id).toBe(new URL(server.origin).hostname);
    // Only the page's own script runs: the CSP names its nonce.
    const nonce = /<script nonce="([^"]+)">/.exec(page.html)![1]!;
    expect(page.headers.get("content-security-policy")).toContain(`script-src 'nonce-${nonce}'`);

    // A registration made for another origin is refused, and the page offers a new ceremony.
    const phishing = await browser.post(formWith(page, 'data-passkey="create"'), {
      passkey_registration: JSON.stringify(new SoftwareAuthenticator("https://evil.example").register(options)),
    });
    expect(phishing.status).toBe(401);
    expect(phishing.html).toContain("That passkey was not accepted.");
    const enrolled = await browser.post(formWith(phishing, 'data-passkey="create"'), { passkey_registration: JSON.stringify(passkey.register(passkeyOptions(phishing))) });
    expect(enrolled.status, enrolled.html).toBe(303);
    expect((await finish(enrolled.location!)).access_token).toBeTruthy();
    expect(await db().mfaFactor.count({ where: { realmUserId: user.id, type: "WEBAUTHN", confirmedAt: { not: null } } })).toBe(1);
    expect(await audits(user.id, "realm_user.mfa_enrolled")).toBe(1);
  });

  it("an enrolled user is offered the passkey they have (and no code field); an assertion signs in, a replay does not", async () => {
    const { browser, afterPassword: page, finish } = await authorize(user.username);
    expect(page.html).toContain("Use a passkey");
    expect(page.html).not.toContain('name="otp"');
    const options = passkeyOptions(page);
    expect(options.allowCredentials.map((c: { id: string }) => c.id)).toEqual([passkey.credentialId.toString("base64url")]);
    const assertion = JSON.stringify(passkey.authenticate(options));
    const form = formWith(page, 'data-passkey="get"');
    const signedIn = await browser.post(form, { passkey: assertion });
    expect(signedIn.status).toBe(303);
    expect((await finish(signedIn.location!)).access_token).toBeTruthy();

    // The same assertion in a new sign-in: its challenge is not this sign-in's.
    const next = await authorize(user.username);
    const replay = await next.browser.post(formWith(next.afterPassword, 'data-passkey="get"'), { passkey: assertion });
    expect(replay.status).toBe(401);
    expect(replay.html).toContain("That passkey was not accepted.");
    // Another authenticator's passkey is not theirs.
    const stranger = new SoftwareAuthenticator(server.origin);
    const wrong = await next.browser.post(formWith(replay, 'data-passkey="get"'), { passkey: JSON.stringify(stranger.authenticate(passkeyOptions(replay))) });
    expect(wrong.status).toBe(401);
  });

  it("on the account page a signed-in user makes recovery codes and adds an authenticator app; all audited", async () => {
    const browser = new Browser();
    const signInForm = formWith(await browser.get(accountUrl()), 'name="password"');
    const second = await browser.post(signInForm, { username: user.username, password: PASSWORD });
    expect(second.status).toBe(200);
    const signedIn = await browser.post(formWith(second, 'data-passkey="get"'), { passkey: JSON.stringify(passkey.authenticate(passkeyOptions(second))) });
    expect(signedIn.status).toBe(303);
    const overview = await browser.get(accountUrl());
    expect(overview.html).toContain('<table aria-label="Second factors">');
    expect(overview.html).toContain("0 unused recovery codes");

    const codes = await browser.post(formWith(overview, 'value="recovery-codes"'), {});
    recoveryCodes = [...codes.html.matchAll(/<li><code>([^<]+)<\/code><\/li>/g)].map((m) => m[1]!);
    expect(recoveryCodes).toHaveLength(10);
    expect(await audits(user.id, "realm_user.recovery_codes_regenerated")).toBe(1);

    const enrolment = await browser.post(formWith(await browser.get(accountUrl()), 'value="totp-start"'), {});
    totpSecret = /<code data-testid="totp-secret">([A-Z2-7]+)<\/code>/.exec(enrolment.html)![1]!;
    const confirmed = await browser.post(formWith(enrolment, 'name="otp"'), { otp: await generate({ secret: totpSecret }) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.html).toContain("Authenticator app added.");
    expect(await db().mfaFactor.count({ where: { realmUserId: user.id, confirmedAt: { not: null } } })).toBe(2);
    expect(await audits(user.id, "realm_user.mfa_enrolled")).toBe(2);

    // Without the account cookie nothing changes, even with a valid CSRF pair: the sign-in page answers.
    const stranger = new Browser();
    const csrf = formWith(await stranger.get(accountUrl()), 'name="password"').fields.get("csrf_token")!;
    const forged = await stranger.post({ ...formWith(confirmed, 'value="recovery-codes"'), fields: new URLSearchParams({ intent: "recovery-codes", csrf_token: csrf }) }, {});
    expect(forged.status).toBe(401);
    expect(forged.html).toContain("Your session expired");
    expect(await audits(user.id, "realm_user.recovery_codes_regenerated")).toBe(1);
  });

  it("the second step now offers the code field and the passkey; a recovery code signs in once", async () => {
    vi.setSystemTime(Date.now() + 30_000);
    const { browser, afterPassword: page, finish } = await authorize(user.username);
    expect(page.html).toContain('name="otp"');
    expect(page.html).toContain("Use a passkey");
    const used = await browser.post(formWith(page, 'name="otp"'), { otp: recoveryCodes[0]!.toUpperCase() });
    expect(used.status).toBe(303);
    expect((await finish(used.location!)).access_token).toBeTruthy();
    expect(await audits(user.id, "realm_user.recovery_code_used")).toBe(1);

    const again = await authorize(user.username);
    const reused = await again.browser.post(formWith(again.afterPassword, 'name="otp"'), { otp: recoveryCodes[0]! });
    expect(reused.status).toBe(401);
    const totp = await again.browser.post(formWith(reused, 'name="otp"'), { otp: await generate({ secret: totpSecret }) });
    expect(totp.status).toBe(303);
  });

  it("the last factor cannot be removed while the realm requires MFA; others can; signing out everywhere ends the account page", async () => {
    const browser = new Browser();
    const second = await browser.post(formWith(await browser.get(accountUrl()), 'name="password"'), { username: user.username, password: PASSWORD });
    expect((await browser.post(formWith(second, 'name="otp"'), { otp: recoveryCodes[1]! })).status).toBe(303);
    const overview = await browser.get(accountUrl());
    const removeButtons = overview.forms.filter((f) => f.fields.get("intent") === "remove-factor");
    expect(removeButtons).toHaveLength(2);
    expect((await browser.post(removeButtons[1]!, {})).html).toContain("Factor removed.");
    const last = await browser.post(formWith(await browser.get(accountUrl()), 'value="remove-factor"'), {});
    expect(last.status).toBe(409);
    expect(last.html).toContain("This realm requires a second factor");
    expect(await audits(user.id, "realm_user.mfa_factor_removed")).toBe(1);
    // "Sign out everywhere" ends the account page's sign-in as well.
    expect((await callRoute(logoutRoute.POST, { method: "POST", path: `/realms/${realm}/users/${user.id}/logout`, params: { realm, userId: user.id } })).status).toBe(200);
    expect((await browser.get(accountUrl())).html).toContain('name="password"');
  });

  it("an admin reset removes every factor and code; the realm's policy makes the user enrol again", async () => {
    const reset = await callRoute(resetRoute.POST, { method: "POST", path: `/realms/${realm}/users/${user.id}/mfa/reset`, params: { realm, userId: user.id } });
    expect(reset.body).toEqual({ removedFactors: 1, removedRecoveryCodes: 10 });
    expect(await db().mfaFactor.count({ where: { realmUserId: user.id } })).toBe(0);
    const { afterPassword } = await authorize(user.username);
    expect(afterPassword.html).toContain('data-passkey="create"');
  });
});
