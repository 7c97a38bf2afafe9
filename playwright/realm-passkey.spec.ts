// Realm users' passkeys in a real browser, with Chromium's virtual authenticator (CDP WebAuthn):
// a realm that requires MFA makes a new user create a passkey when signing in to their account
// page; the account page makes recovery codes; the passkey then signs in at the realm's /auth
// (authorization code + PKCE). An admin sees that sign-in on the realm page's Sessions card and
// revokes it: its refresh token stops working.
import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { consoleUrl, storageStates } from "./support/e2e-env";
import { managementApi } from "./support/management-api";
import { confirmWith } from "./support/confirm-dialog";

const PASSWORD = "realm-passkey-e2e-1";
const redirectUri = "http://127.0.0.1:9/callback";

test("a realm user enrols a passkey, signs in with it, and an admin revokes that session", async ({ page, context, browser }) => {
  const realm = `e2e-pk-${Date.now().toString(36)}`;
  await managementApi("/realms", { method: "POST", body: JSON.stringify({ name: realm }) });
  await managementApi(`/realms/${realm}`, { method: "PATCH", body: JSON.stringify({ mfaRequired: true }) });
  await managementApi(`/realms/${realm}/clients`, { method: "POST", body: JSON.stringify({ clientId: "spa", type: "public", redirectUris: [redirectUri] }) });
  await managementApi(`/realms/${realm}/users`, { method: "POST", body: JSON.stringify({ username: "erin", password: PASSWORD }) });

  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });

  // The account page: the realm requires a factor, so the first sign-in enrols one.
  await page.goto(`/realms/${realm}/account`);
  await page.getByLabel("Username").fill("erin");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Create a passkey" }).click();
  await expect(page.getByText("Signed in as")).toBeVisible();
  await expect(page.getByRole("table", { name: "Second factors" })).toContainText("passkey");
  await page.getByRole("button", { name: "New recovery codes" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);

  // The passkey signs in at /auth; the browser is sent back to the client with a code.
  await context.clearCookies();
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  let callback: URL | undefined;
  await page.route("http://127.0.0.1:9/**", async (route) => {
    callback = new URL(route.request().url());
    await route.fulfill({ status: 200, body: "signed in" });
  });
  const auth = new URL(`/realms/${realm}/protocol/openid-connect/auth`, consoleUrl);
  for (const [k, v] of Object.entries({ response_type: "code", client_id: "spa", redirect_uri: redirectUri, scope: "openid", state: "s1", code_challenge: challenge, code_challenge_method: "S256" })) {
    auth.searchParams.set(k, v);
  }
  await page.goto(auth.toString());
  await page.getByLabel("Username").fill("erin");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect.poll(() => callback?.searchParams.get("code") ?? null).not.toBeNull();
  const token = async (body: Record<string, string>) => {
    const res = await fetch(`${consoleUrl}/realms/${realm}/protocol/openid-connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: "spa", ...body }),
    });
    return (await res.json()) as Record<string, string>;
  };
  const tokens = await token({ grant_type: "authorization_code", code: callback!.searchParams.get("code")!, redirect_uri: redirectUri, code_verifier: verifier });
  expect(tokens.refresh_token).toBeTruthy();

  // The admin revokes that session on the realm page.
  const admin = await browser.newContext({ storageState: storageStates.admin });
  const adminPage = await admin.newPage();
  await adminPage.goto(`/console/realms/${realm}`);
  const sessions = adminPage.getByRole("table", { name: "Active sessions" });
  await expect(sessions).toContainText("erin");
  await expect(sessions).toContainText("spa");
  await sessions.getByRole("button", { name: /^Revoke session/ }).click();
  await confirmWith(adminPage, "Revoke session");
  await expect(sessions).toContainText("No active sessions.");
  expect((await token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token! })).error).toBe("invalid_grant");
  await admin.close();
});
