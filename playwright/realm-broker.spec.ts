// Identity brokering in a real browser: an admin enables sign-in through a partner's OpenID
// Connect provider (a real oidc-provider started here) on the realm's Identity providers card;
// a person then signs in to the realm's login page with "Sign in with Partner SSO", proves who
// they are at the partner, and comes back to the client with the realm's code, whose token names
// a new realm user holding the mapped role. The admin sees the linked identity on the user and
// unlinks it.
import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { decodeJwt } from "jose";
import { startExternalProvider, type ExternalProvider } from "../test/support/external-oidc-provider";
import { consoleUrl, storageStates } from "./support/e2e-env";
import { managementApi } from "./support/management-api";
import { confirmWith } from "./support/confirm-dialog";

test.use({ storageState: storageStates.admin });

const realm = `broker-${Date.now().toString(36)}`;
const clientRedirect = `${consoleUrl}/e2e-broker-client-callback`;
const RP = { clientId: "realm-broker", secret: "broker-secret-0123456789abcdef" };
let partner: ExternalProvider;

test.beforeAll(async () => {
  partner = await startExternalProvider({
    audience: "urn:partner:api",
    clients: [],
    signIn: {
      client: { ...RP, redirectUris: [`${consoleUrl}/realms/${realm}/broker/partner/endpoint`] },
      accounts: { "ext-erin": { email: "erin@partner.example", email_verified: true, preferred_username: "erin", department: "sales" } },
    },
  });
});
test.afterAll(async () => {
  await partner?.close();
});

test("a realm user signs in through a partner's provider enabled in the console, and the admin unlinks them", async ({ page, browser }) => {
  await managementApi("/realms", { method: "POST", body: JSON.stringify({ name: realm, displayName: "Broker realm" }) });
  await managementApi(`/realms/${realm}/roles`, { method: "POST", body: JSON.stringify({ name: "orders-reader" }) });
  await managementApi(`/realms/${realm}/clients`, { method: "POST", body: JSON.stringify({ clientId: "portal", type: "public", redirectUris: [clientRedirect] }) });

  await page.goto(`/console/realms/${realm}`);
  const card = page.getByRole("region", { name: "Identity providers" });
  const form = card.getByRole("form", { name: "Add identity provider" });
  await form.getByLabel("Alias").fill("partner");
  await form.getByLabel("Issuer URL").fill(partner.issuer);
  await form.getByRole("button", { name: "Add mapping" }).click();
  await form.getByLabel("Claim 1").fill("department");
  await form.getByLabel("Value 1").fill("sales");
  await form.getByLabel("Role 1").selectOption("orders-reader");
  await form.getByLabel("Display name").fill("Partner SSO");
  await form.getByLabel("Client ID").fill(RP.clientId);
  await form.getByLabel("Client secret").fill(RP.secret);
  await form.getByLabel("Realm users may sign in through this provider").check();
  await form.getByRole("button", { name: "Add identity provider" }).click();
  const table = card.getByRole("table", { name: "Identity providers" });
  await expect(table.getByRole("cell", { name: 'on as "Partner SSO", first sign-in: create user' })).toBeVisible();

  // A person with no console session, at the client's authorization request.
  const person = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const tab = await person.newPage();
  const verifier = randomBytes(32).toString("base64url");
  const auth = new URL(`${consoleUrl}/realms/${realm}/protocol/openid-connect/auth`);
  Object.entries({
    response_type: "code",
    client_id: "portal",
    redirect_uri: clientRedirect,
    scope: "openid",
    state: "client-state-1",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).forEach(([k, v]) => auth.searchParams.set(k, v));
  await tab.goto(auth.href);
  await tab.getByRole("link", { name: "Sign in with Partner SSO" }).click();
  await tab.getByLabel("Account").fill("ext-erin");
  await tab.getByRole("button", { name: "Sign in at the partner" }).click();
  await tab.waitForURL((url) => url.href.startsWith(clientRedirect));
  const back = new URL(tab.url());
  expect(back.searchParams.get("state")).toBe("client-state-1");
  await person.close();

  const res = await fetch(`${consoleUrl}/realms/${realm}/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code: back.searchParams.get("code")!, redirect_uri: clientRedirect, client_id: "portal", code_verifier: verifier }),
  });
  expect(res.status).toBe(200);
  const tokens = (await res.json()) as { access_token: string; id_token: string };
  expect((decodeJwt(tokens.access_token).realm_access as { roles: string[] }).roles).toContain("orders-reader");
  expect(decodeJwt(tokens.id_token).preferred_username).toBe("erin");

  await page.reload();
  await page.getByRole("button", { name: "Linked identities of erin" }).click();
  const links = page.getByRole("region", { name: "Linked identities of erin" });
  await expect(links.getByText("ext-erin")).toBeVisible();
  await links.getByRole("button", { name: "Unlink partner from erin" }).click();
  await confirmWith(page, "Unlink identity");
  await expect(links.getByText("No linked identities")).toBeVisible();
});
