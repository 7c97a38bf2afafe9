// A developer's subscriptions in the portal: subscribe to a product with terms (accepting them)
// and land on the new subscription; the key is masked until shown, then copied; a call through
// the gateway with it shows in My usage; regenerating the key (after confirming) makes the
// gateway refuse the old one. Another developer's subscription page is not found.
import { expect, test, type Page } from "@playwright/test";
import { gatewayUrl, storageStates } from "./support/e2e-env";
import { confirmWith } from "./support/confirm-dialog";
import { managementApi, publishDemoApi } from "./support/management-api";

test.use({ storageState: storageStates.developer });

const callGateway = (request: Page["request"], path: string, key: string) =>
  request.get(`${gatewayUrl}/${path}/hello`, { headers: { "Ocp-Apim-Subscription-Key": key } }).then((res) => res.status());

test("a developer subscribes with terms, copies the key, sees the call in My usage and regenerates the key", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { api, path } = await publishDemoApi("Portal subscriptions", "e2e-psubs");
  const productName = `Subscriptions ${path}`;
  await managementApi("/products", {
    method: "POST",
    body: JSON.stringify({ name: productName, apiIds: [api.id], state: "published", terms: "Call politely.\nNo scraping." }),
  });
  const subscriptionName = `My app ${path}`;

  // Subscribe from the catalogue: the terms are shown and must be accepted.
  await page.goto("/portal");
  await page.getByLabel("Search products").fill(productName);
  await page.getByLabel("Search products").press("Enter");
  const card = page.getByRole("article", { name: productName });
  await card.getByRole("button", { name: "Subscribe" }).click();
  await card.getByLabel("Subscription name").fill(subscriptionName);
  await expect(card.getByRole("group", { name: "Terms of use" })).toContainText("No scraping.");
  await card.getByLabel("I accept the terms").check();
  await card.getByRole("button", { name: "Confirm subscription" }).click();

  // The new subscription's page: its state in words, the terms accepted, the API it opens.
  await expect(page).toHaveURL(/\/portal\/subscriptions\/[^/]+$/);
  const subscriptionId = decodeURIComponent(page.url().split("/").pop()!);
  await expect(page.getByRole("heading", { level: 1, name: subscriptionName })).toBeVisible();
  await expect(page.getByTestId("subscription-state")).toHaveText("Active");
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Accepted");
  await expect(page.getByRole("region", { name: "APIs it opens" }).getByRole("link", { name: api.name })).toHaveAttribute("href", `/portal/apis/${api.id}`);

  // The key is masked until shown; the copy button copies the real value.
  const keys = page.getByRole("region", { name: "Keys" });
  const primary = keys.getByTestId("primary-key");
  await expect(primary).toContainText("•");
  await keys.getByRole("button", { name: "Show primary key" }).click();
  await expect(primary).not.toContainText("•");
  const key = (await primary.textContent())!.trim();
  expect(key.length).toBeGreaterThan(16);
  await keys.getByRole("button", { name: "Copy primary key" }).click();
  await expect(keys.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await keys.getByRole("button", { name: "Hide primary key" }).click();
  await expect(primary).toContainText("•");

  // A call through the gateway with it (the gateway learns of the subscription within moments).
  await expect.poll(() => callGateway(page.request, path, key), { timeout: 15_000 }).toBe(200);

  // My usage shows it, for this subscription, within seconds (the ingester runs in e2e).
  await page.getByRole("link", { name: "My usage" }).first().click();
  await expect(page).toHaveURL(/\/portal\/usage/);
  await page.getByLabel("Subscription", { exact: true }).selectOption(subscriptionId);
  // Waits for this subscription's own row (the totals may already count the developer's earlier calls
  // while the filter's answer is on its way), then the totals, now of this subscription alone.
  await expect(page.getByRole("table", { name: "Per subscription" })).toContainText(subscriptionName, { timeout: 45_000 });
  const totals = page.getByLabel("Totals for the range");
  const count = await totals.locator(".stat").filter({ hasText: "Requests" }).locator("dd").textContent();
  expect(Number((count ?? "0").replace(/\D/g, ""))).toBeGreaterThanOrEqual(1);

  // Regenerate the primary key: asked first; then the old key is refused at the gateway, the new one works.
  await page.goto(`/portal/subscriptions/${encodeURIComponent(subscriptionId)}`);
  await keys.getByRole("button", { name: "Regenerate primary key" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("stops working at once");
  await confirmWith(page, "Regenerate primary key");
  await expect(keys.getByRole("status").filter({ hasText: "Primary key regenerated" })).toBeVisible();
  await keys.getByRole("button", { name: "Show primary key" }).click();
  await expect(primary).not.toHaveText(key);
  const fresh = (await primary.textContent())!.trim();
  await expect.poll(() => callGateway(page.request, path, key), { timeout: 15_000 }).toBe(401);
  expect(await callGateway(page.request, path, fresh)).toBe(200);
});

test("another developer's subscription page is not found", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const other = await managementApi<{ id: string }>("/users", {
    method: "POST",
    body: JSON.stringify({ email: `other-${stamp}@portcullis.local`, name: `Other ${stamp}`, role: "developer", password: "portcullis-other-dev" }),
  });
  const { items } = await managementApi<{ items: { id: string; name: string }[] }>("/products?state=published&limit=200");
  const theirs = await managementApi<{ id: string }>("/subscriptions", {
    method: "POST",
    body: JSON.stringify({ productId: items[0]!.id, name: `Theirs ${stamp}`, userId: other.id }),
  });
  await page.goto(`/portal/subscriptions/${theirs.id}`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText(`Theirs ${stamp}`)).toHaveCount(0);
});
