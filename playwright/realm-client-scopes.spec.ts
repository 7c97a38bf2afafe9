// The realm page's client scopes: an admin adds a scope with a hardcoded-claim mapper, registers a
// client with it as an optional scope, and the client's token carries the claim only when it asks
// for the scope; the roles list searches on the server.
import { expect, test } from "@playwright/test";
import { consoleUrl, storageStates } from "./support/e2e-env";
import { managementApi } from "./support/management-api";

test.use({ storageState: storageStates.admin });

async function claimsOf(realm: string, clientId: string, secret: string, scope?: string) {
  const res = await fetch(`${consoleUrl}/realms/${realm}/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${btoa(`${clientId}:${secret}`)}` },
    body: new URLSearchParams({ grant_type: "client_credentials", ...(scope ? { scope } : {}) }),
  });
  expect(res.status).toBe(200);
  const { access_token } = (await res.json()) as { access_token: string };
  return JSON.parse(Buffer.from(access_token.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
}

test("an admin adds a client scope with a mapper and gives it to a client as an optional scope", async ({ page }) => {
  const realm = `e2e-scopes-${Date.now().toString(36)}`;
  await managementApi("/realms", { method: "POST", body: JSON.stringify({ name: realm }) });
  for (const name of ["orders-reader", "billing-reader"]) await managementApi(`/realms/${realm}/roles`, { method: "POST", body: JSON.stringify({ name }) });
  await page.goto(`/console/realms/${realm}`);

  await page.getByLabel("Search roles").fill("billing");
  const roles = page.getByRole("table", { name: "Realm roles" });
  await expect(roles.getByRole("cell", { name: "billing-reader" })).toBeVisible();
  await expect(roles.getByRole("cell", { name: "orders-reader" })).toHaveCount(0);

  const scopes = page.getByRole("table", { name: "Client scopes" });
  await expect(scopes.getByRole("cell", { name: "roles", exact: true })).toBeVisible();
  const form = page.getByRole("form", { name: "New client scope" });
  await form.getByLabel("Scope name").fill("tenant");
  await form.getByLabel("Mapper name").fill("tenant id");
  await form.getByLabel("Claim").fill("tenant.id");
  await form.getByLabel("Value").fill("acme");
  await form.getByRole("button", { name: "Add mapper" }).click();
  await expect(form.getByRole("cell", { name: "tenant id", exact: true })).toBeVisible();
  await form.getByRole("button", { name: "Create client scope" }).click();
  await expect(scopes.getByRole("cell", { name: "tenant", exact: true })).toBeVisible();

  const client = page.getByRole("form", { name: "Add client" });
  await client.getByLabel("Client ID").fill("tenant-service");
  await expect(client.getByLabel("Optional client scopes").locator("option", { hasText: "tenant" })).toHaveCount(1);
  await client.getByLabel("Optional client scopes").selectOption(["email", "profile", "tenant"]);
  await client.getByRole("button", { name: "Add client" }).click();
  const secret = (await page.getByTestId("new-client-secret").textContent())!;
  expect(secret).toMatch(/^pcs_/);

  const stored = await managementApi<{ defaultClientScopes: string[]; optionalClientScopes: string[] }>(`/realms/${realm}/clients/tenant-service`);
  expect(stored).toMatchObject({ defaultClientScopes: ["basic", "roles"], optionalClientScopes: ["email", "profile", "tenant"] });
  expect(await claimsOf(realm, "tenant-service", secret)).not.toHaveProperty("tenant");
  expect(await claimsOf(realm, "tenant-service", secret, "tenant")).toMatchObject({ tenant: { id: "acme" }, scope: "tenant" });
});
