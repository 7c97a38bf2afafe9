// The realm page's administration cards: an admin adds a group, a private_key_jwt client (no
// secret to show), issues that client a certificate from a public key and revokes it, disables a
// user, and changes the realm's token lifetime; each change is read back from the management API.
import { generateKeyPairSync } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storageStates } from "./support/e2e-env";
import { managementApi } from "./support/management-api";
import { confirmWith } from "./support/confirm-dialog";

test.use({ storageState: storageStates.admin });

test("an admin manages a realm's groups, clients, certificates, users and settings in the console", async ({ page }) => {
  const realm = `e2e-admin-${Date.now().toString(36)}`;
  await managementApi("/realms", { method: "POST", body: JSON.stringify({ name: realm }) });
  await managementApi(`/realms/${realm}/roles`, { method: "POST", body: JSON.stringify({ name: "orders-reader" }) });
  await managementApi(`/realms/${realm}/users`, { method: "POST", body: JSON.stringify({ username: "dora" }) });
  await page.goto(`/console/realms/${realm}`);

  const group = page.getByRole("form", { name: "Add group" });
  await group.getByLabel("Group name").fill("readers");
  await group.getByLabel("Roles").fill("orders-reader");
  await group.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByRole("table", { name: "Realm groups" }).getByRole("cell", { name: "readers" })).toBeVisible();

  const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: "e2e-1", alg: "ES256" };
  const client = page.getByRole("form", { name: "Add client" });
  await client.getByLabel("Client ID").fill("signer");
  await client.getByLabel("Authentication").selectOption("private_key_jwt");
  await client.getByLabel("JWKS", { exact: true }).fill(JSON.stringify({ keys: [jwk] }));
  await client.getByRole("button", { name: "Add client" }).click();
  const clients = page.getByRole("table", { name: "Clients" });
  await expect(clients.getByRole("cell", { name: "private_key_jwt" })).toBeVisible();
  await expect(page.getByTestId("new-client-secret")).toHaveCount(0);

  await clients.getByRole("button", { name: "Details" }).click();
  const issue = page.getByRole("form", { name: "Issue a certificate to signer" });
  await issue.getByLabel("CSR or public key (PEM)").fill(publicKey.export({ type: "spki", format: "pem" }).toString());
  await issue.getByRole("button", { name: "Issue certificate" }).click();
  await expect(page.getByTestId("new-client-certificate")).toHaveValue(/BEGIN CERTIFICATE/);
  const certificates = page.getByRole("table", { name: "Certificates of signer" });
  await expect(certificates.getByText("valid", { exact: true })).toBeVisible();
  await certificates.getByRole("button", { name: /^Revoke certificate / }).click();
  await confirmWith(page, "Revoke certificate");
  await expect(certificates.getByText("revoked", { exact: true })).toBeVisible();
  const listed = await managementApi<{ items: { status: string }[] }>(`/realms/${realm}/clients/signer/certificates`);
  expect(listed.items.map((c) => c.status)).toEqual(["revoked"]);

  await page.getByRole("button", { name: "Disable dora" }).click();
  await confirmWith(page, "Disable user");
  await expect(page.getByRole("button", { name: "Enable dora" })).toBeVisible();

  const settings = page.getByRole("form", { name: "Realm settings" });
  await settings.getByLabel("Access token lifetime (s)").fill("120");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect.poll(async () => (await managementApi<{ accessTokenLifetimeSeconds: number }>(`/realms/${realm}`)).accessTokenLifetimeSeconds).toBe(120);
});
