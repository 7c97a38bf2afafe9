// Safe by default (issue #18): every destructive action asks first. For each, dismissing the
// confirmation (Escape, or its "keep" button) leaves the thing unchanged, read back from the
// management API, and accepting it does the action. Also: a conflict on import is said under
// the Path field, and the copy buttons beside secrets really copy.
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { storageStates } from "./support/e2e-env";
import { managementApi, publishDemoApi, subscribeToNewProduct } from "./support/management-api";
import { confirmWith, dismissWithEscape, openConfirmation } from "./support/confirm-dialog";

test.use({ storageState: storageStates.admin });

const stamp = () => Date.now().toString(36);

/** The dialog names what will happen and whether there is a way back, then "Keep …" dismisses it. */
async function dismissWithKeep(page: Page, says: RegExp) {
  const dialog = await openConfirmation(page);
  await expect(dialog).toContainText(says);
  await dialog.getByRole("button", { name: /^Keep/ }).click();
  await expect(page.getByRole("alertdialog")).toBeHidden();
}

async function asDeveloper(browser: Browser) {
  const context = await browser.newContext({ storageState: storageStates.developer });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  return { page: await context.newPage(), close: () => context.close() };
}

test("revoking a token asks first; Escape and Keep leave it active, and focus returns to the button", async ({ page }) => {
  const name = `e2e-revoke-${stamp()}`;
  const created = await managementApi<{ id: string }>("/tokens", { method: "POST", body: JSON.stringify({ name, role: "viewer" }) });
  const status = async () => (await managementApi<{ items: { id: string; status: string }[] }>(`/tokens?search=${name}`)).items.find((t) => t.id === created.id)?.status;

  await page.goto("/console/tokens");
  const revoke = page.getByRole("button", { name: `Revoke ${name}` });
  await revoke.click();
  const dialog = await openConfirmation(page);
  await expect(dialog).toHaveAttribute("aria-labelledby", /.+/);
  await expect(dialog).toContainText("no way back");
  await expect(dialog.getByRole("button", { name: "Keep it" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect(revoke).toBeFocused();
  await revoke.click();
  await dismissWithKeep(page, /refused \(401\)/);
  expect(await status()).toBe("active");

  await revoke.click();
  await confirmWith(page, "Revoke token");
  await expect.poll(status).toBe("revoked");
});

test("suspending and cancelling a subscription ask first", async ({ page }) => {
  const { api } = await publishDemoApi("Confirm subs", "e2e-confirm-subs");
  const name = `e2e-sub-${stamp()}`;
  await subscribeToNewProduct(name, api.id);
  const state = async () => (await managementApi<{ items: { name: string; state: string }[] }>(`/subscriptions?search=${name}`)).items.find((s) => s.name === name)?.state;

  await page.goto("/console/subscriptions");
  await page.getByLabel("Search subscriptions").fill(name);
  await page.getByLabel("Search subscriptions").press("Enter");
  await page.getByRole("button", { name: `Suspend ${name}` }).click();
  await dismissWithEscape(page);
  await page.getByRole("button", { name: `Cancel ${name}` }).click();
  await dismissWithKeep(page, /no way back/);
  expect(await state()).toBe("active");

  await page.getByRole("button", { name: `Suspend ${name}` }).click();
  await confirmWith(page, "Suspend subscription");
  await expect.poll(state).toBe("suspended");
  await page.getByRole("button", { name: `Cancel ${name}` }).click();
  await confirmWith(page, "Cancel subscription");
  await expect.poll(state).toBe("cancelled");
});

test("retiring an API asks first and says every client gets 410, with no way back", async ({ page }) => {
  const { api } = await publishDemoApi("Confirm retire", "e2e-confirm-retire");
  await managementApi(`/apis/${api.id}`, { method: "PATCH", body: JSON.stringify({ lifecycle: "deprecated" }) });
  const lifecycle = async () => (await managementApi<{ lifecycle: string }>(`/apis/${api.id}`)).lifecycle;

  await page.goto(`/console/apis/${api.id}`);
  await page.getByRole("button", { name: "Retire", exact: true }).click();
  const dialog = await openConfirmation(page);
  await expect(dialog).toContainText("410");
  await dismissWithKeep(page, /no way back/);
  expect(await lifecycle()).toBe("deprecated");

  await page.getByRole("button", { name: "Retire", exact: true }).click();
  await confirmWith(page, "Retire API");
  await expect.poll(lifecycle).toBe("retired");
});

test("changing a user's role asks first; dismissing keeps the old role in the select and on the server", async ({ page }) => {
  const email = `e2e-role-${stamp()}@example.test`;
  const user = await managementApi<{ id: string }>("/users", {
    method: "POST",
    body: JSON.stringify({ email, name: "Role Change", role: "viewer", password: "a-long-enough-password-1" }),
  });
  const role = async () => (await managementApi<{ role: string }>(`/users/${user.id}`)).role;

  await page.goto("/console/users");
  await page.getByLabel("Search users").fill(email);
  await page.getByLabel("Search users").press("Enter");
  const select = page.getByLabel(`Role of ${email}`);
  await select.selectOption("api_publisher");
  await dismissWithKeep(page, /Viewer to API publisher/);
  await expect(select).toHaveValue("viewer");
  expect(await role()).toBe("viewer");

  await select.selectOption("api_publisher");
  await confirmWith(page, "Change role");
  await expect.poll(role).toBe("api_publisher");
  await expect(select).toHaveValue("api_publisher");
});

test("deleting a product asks first", async ({ page }) => {
  const name = `e2e-delete-${stamp()}`;
  const product = await managementApi<{ id: string }>("/products", { method: "POST", body: JSON.stringify({ name }) });
  const exists = async () => (await page.request.get(`/api/v1/products/${product.id}`)).status();

  await page.goto(`/console/products/${product.id}`);
  await page.getByRole("button", { name: "Delete product" }).click();
  await dismissWithKeep(page, /no way back/);
  expect(await exists()).toBe(200);

  await page.getByRole("button", { name: "Delete product" }).click();
  await confirmWith(page, "Delete product");
  await expect(page).toHaveURL(/\/console\/products$/);
  expect(await exists()).toBe(404);
});

test("a developer regenerating a key is asked first; the copy button copies the key", async ({ browser }) => {
  const developer = await asDeveloper(browser);
  const { page } = developer;
  const { items } = await managementApi<{ items: { id: string; name: string }[] }>(`/subscriptions?search=${encodeURIComponent("Demo app")}`);
  const demo = items.find((s) => s.name === "Demo app")!;
  const secrets = () => managementApi<{ primaryKey: string; secondaryKey: string }>(`/subscriptions/${demo.id}/secrets`);
  const before = await secrets();

  await page.goto("/portal/subscriptions");
  const card = page.getByRole("article", { name: "Demo app" });
  await card.getByRole("button", { name: "Regenerate secondary" }).click();
  await dismissWithKeep(page, /stops working at once/);
  expect(await secrets()).toEqual(before);
  await card.getByRole("button", { name: "Regenerate secondary" }).click();
  await confirmWith(page, "Regenerate secondary key");
  await expect.poll(async () => (await secrets()).secondaryKey).not.toBe(before.secondaryKey);
  expect((await secrets()).primaryKey).toBe(before.primaryKey);

  // Regenerating shows the keys (masked); the copy button copies the real value.
  await expect(card.getByRole("button", { name: "Hide keys" })).toBeVisible();
  await card.getByRole("button", { name: "Copy primary key" }).click();
  await expect(card.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(before.primaryKey);
  await developer.close();
});

test("a new token's copy button copies it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/console/tokens");
  await page.getByLabel("Name", { exact: true }).fill(`e2e-copy-${stamp()}`);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").textContent();
  expect(token).toBeTruthy();
  await page.getByRole("button", { name: "Copy the token" }).click();
  await expect(page.getByRole("region", { name: "New token" }).getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
});

test("an import at a path already used says so under the Path field, in words", async ({ page }) => {
  const { api, path } = await publishDemoApi("Taken path", "e2e-taken");
  await page.goto("/console/apis/new");
  await page.getByLabel("OpenAPI document").fill(readFileSync("demo-backend/openapi.yaml", "utf8"));
  await page.getByLabel("Name", { exact: true }).fill(`Clash ${stamp()}`);
  await page.getByLabel("Path", { exact: true }).fill(path);
  await page.getByLabel("Backend URL", { exact: true }).fill("http://127.0.0.1:1");
  await page.getByRole("button", { name: "Import", exact: true }).click();

  const pathInput = page.getByLabel("Path", { exact: true });
  await expect(pathInput).toHaveAttribute("aria-invalid", "true");
  await expect(pathInput).toHaveAccessibleDescription(new RegExp(`already used by API '${api.name}'`));
  const alert = page.getByRole("alert").filter({ hasText: "Import failed" });
  await expect(alert).toContainText("See the message under the field.");
  await expect(alert).not.toContainText("conflict");
});

test("in a realm, deleting a client scope and disabling a user ask first", async ({ page }) => {
  const realm = `e2e-confirm-${stamp()}`;
  await managementApi("/realms", { method: "POST", body: JSON.stringify({ name: realm }) });
  await managementApi(`/realms/${realm}/client-scopes`, { method: "POST", body: JSON.stringify({ name: "billing" }) });
  await managementApi(`/realms/${realm}/users`, { method: "POST", body: JSON.stringify({ username: "fred" }) });
  const scopeNames = async () => (await managementApi<{ items: { name: string }[] }>(`/realms/${realm}/client-scopes?limit=100`)).items.map((s) => s.name);
  const fredEnabled = async () => (await managementApi<{ items: { username: string; enabled: boolean }[] }>(`/realms/${realm}/users?search=fred`)).items.find((u) => u.username === "fred")?.enabled;

  await page.goto(`/console/realms/${realm}`);
  await page.getByRole("button", { name: "Delete client scope billing" }).click();
  await dismissWithEscape(page);
  await page.getByRole("button", { name: "Disable fred" }).click();
  await dismissWithKeep(page, /enable them again/);
  expect(await scopeNames()).toContain("billing");
  expect(await fredEnabled()).toBe(true);

  await page.getByRole("button", { name: "Delete client scope billing" }).click();
  await confirmWith(page, "Delete client scope");
  await expect.poll(scopeNames).not.toContain("billing");
  await page.getByRole("button", { name: "Disable fred" }).click();
  await confirmWith(page, "Disable user");
  await expect.poll(fredEnabled).toBe(false);
});
