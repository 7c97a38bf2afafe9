// An admin creates a realm, a role and clients in the console; an API bound to the realm that
// requires the role lets a token from the realm's token endpoint through, and refuses (403) a
// token of a client without the role.
import { expect, test, type Page } from "@playwright/test";
import { consoleUrl, gatewayUrl, storageStates } from "./support/e2e-env";
import { publishDemoApi } from "./support/management-api";

test.use({ storageState: storageStates.admin });

async function addClient(page: Page, clientId: string, roles: string) {
  const form = page.getByRole("form", { name: "Add client" });
  await form.getByLabel("Client ID").fill(clientId);
  await form.getByLabel("Roles").fill(roles);
  await form.getByRole("button", { name: "Add client" }).click();
  const secret = page.getByTestId("new-client-secret");
  await expect(secret).toHaveText(/^pcs_/);
  await expect(page.getByRole("table", { name: "Clients" }).getByRole("cell", { name: clientId, exact: true })).toBeVisible();
  return (await secret.textContent())!;
}

async function tokenOf(realm: string, clientId: string, secret: string) {
  const res = await fetch(`${consoleUrl}/realms/${realm}/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${btoa(`${clientId}:${secret}`)}` },
    body: new URLSearchParams({ grant_type: "client_credentials" }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

test("a realm's token passes the gateway for an API bound to the realm, and a token without the role gets 403", async ({ page }) => {
  const realm = `e2e-${Date.now().toString(36)}`;
  await page.goto("/console/realms");
  await page.getByLabel("Name", { exact: true }).fill(realm);
  await page.getByRole("button", { name: "Create realm" }).click();
  await page.getByRole("link", { name: realm }).click();
  await expect(page.getByText(`${consoleUrl}/realms/${realm}`).first()).toBeVisible();

  const roles = page.getByRole("form", { name: "Add role" });
  await roles.getByLabel("Role name").fill("orders-reader");
  await roles.getByRole("button", { name: "Add role" }).click();
  await expect(page.getByRole("table", { name: "Realm roles" }).getByRole("cell", { name: "orders-reader" })).toBeVisible();

  const readerSecret = await addClient(page, "orders-service", "orders-reader");
  const otherSecret = await addClient(page, "other-service", "");

  const { path } = await publishDemoApi("Realm-bound", "realm", { subscriptionRequired: false, jwtRequirements: { realm, requiredRoles: ["orders-reader"] } });

  const call = async (token: string) => (await fetch(`${gatewayUrl}/${path}/hello`, { headers: { authorization: `Bearer ${token}` } })).status;
  const readerToken = await tokenOf(realm, "orders-service", readerSecret);
  await expect.poll(() => call(readerToken), { timeout: 15_000 }).toBe(200);
  expect(await call(await tokenOf(realm, "other-service", otherSecret))).toBe(403);
});
