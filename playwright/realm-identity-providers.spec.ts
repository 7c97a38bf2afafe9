// An admin adds a partner's OpenID Connect provider (a real oidc-provider started here) to a
// realm in the console, by issuer with a role mapping, tests the connection, and the provider's
// tokens pass the gateway for an API bound to the realm when their claim maps to the required
// role (403 when not); removing the provider in the console makes its tokens strangers (401).
import { expect, test } from "@playwright/test";
import { startExternalProvider, type ExternalProvider } from "../test/support/external-oidc-provider";
import { gatewayUrl, storageStates } from "./support/e2e-env";
import { managementApi, publishDemoApi } from "./support/management-api";
import { confirmWith } from "./support/confirm-dialog";

test.use({ storageState: storageStates.admin });

const AUDIENCE = "urn:partner:orders";
let partner: ExternalProvider;
test.beforeAll(async () => {
  partner = await startExternalProvider({
    audience: AUDIENCE,
    clients: [
      { clientId: "sales-svc", secret: "sales-secret-0123456789abcdef", claims: { department: "sales" } },
      { clientId: "support-svc", secret: "support-secret-0123456789abcdef", claims: { department: "support" } },
    ],
  });
});
test.afterAll(async () => {
  await partner?.close();
});

test("a partner's tokens pass the gateway through the realm once its provider is added in the console", async ({ page }) => {
  const realm = `idp-${Date.now().toString(36)}`;
  await managementApi("/realms", { method: "POST", body: JSON.stringify({ name: realm }) });
  await managementApi(`/realms/${realm}/roles`, { method: "POST", body: JSON.stringify({ name: "orders-reader" }) });
  const { path } = await publishDemoApi("Realm-bound", "federated", { subscriptionRequired: false, jwtRequirements: { realm, requiredRoles: ["orders-reader"] } });
  const call = async (token: string) => (await fetch(`${gatewayUrl}/${path}/hello`, { headers: { authorization: `Bearer ${token}` } })).status;
  const sales = await partner.tokenFor("sales-svc");

  await page.goto(`/console/realms/${realm}`);
  const card = page.getByRole("region", { name: "Identity providers" });
  await expect(card.getByText("No identity providers yet.")).toBeVisible();
  const form = card.getByRole("form", { name: "Add identity provider" });
  await form.getByLabel("Alias").fill("partner");
  await form.getByLabel("Issuer URL").fill(partner.issuer);
  await form.getByLabel("Audience").fill(AUDIENCE);
  await form.getByRole("button", { name: "Add mapping" }).click();
  await form.getByLabel("Claim 1").fill("department");
  await form.getByLabel("Value 1").fill("sales");
  await form.getByLabel("Role 1").selectOption("orders-reader");
  await form.getByRole("button", { name: "Add identity provider" }).click();

  const table = card.getByRole("table", { name: "Identity providers" });
  await expect(table.getByRole("cell", { name: `${partner.issuer}/jwks discovered` })).toBeVisible();
  await expect(table.getByRole("cell", { name: "department = sales → orders-reader" })).toBeVisible();

  await card.getByRole("button", { name: "Test the connection of partner" }).click();
  const result = card.getByRole("region", { name: "Connection test of partner" });
  await expect(result.getByText("connection ok")).toBeVisible();
  await expect(result.getByText(`${partner.kid} RS256`, { exact: false })).toBeVisible();

  await expect.poll(() => call(sales), { timeout: 15_000 }).toBe(200);
  expect(await call(await partner.tokenFor("support-svc"))).toBe(403);

  await card.getByRole("button", { name: "Remove partner" }).click();
  await confirmWith(page, "Remove partner");
  await expect(card.getByText("No identity providers yet.")).toBeVisible();
  await expect.poll(() => call(sales), { timeout: 15_000 }).toBe(401);
});
