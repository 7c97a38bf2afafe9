// The developer portal's golden path (issue #19), as a new developer walks it: sign up, find the
// demo API by search, subscribe from its page, copy the key, call an operation with try-it and
// read the backend's answer, then see that very call in My usage.
import { expect, test } from "@playwright/test";
import { e2eEnv } from "./support/e2e-env";
import { managementApi, publishDemoApi } from "./support/management-api";
import { tryItOperation } from "./support/try-it";

test("a new developer signs up, finds an API, subscribes, copies the key, tries it and sees the call in My usage", async ({ browser }) => {
  test.setTimeout(150_000);
  await managementApi("/settings", { method: "PATCH", body: JSON.stringify({ portal: { signUpMode: "open" } }) });
  const { api, path } = await publishDemoApi("Golden path", "golden");
  const productName = `Golden ${path}`;
  await managementApi("/products", { method: "POST", body: JSON.stringify({ name: productName, apiIds: [api.id], state: "published", terms: "Be kind to the backend." }) });

  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();

  // Sign up (the workspace is open): the new account lands in the portal, signed in.
  await page.goto("/portal");
  await page.getByRole("link", { name: "Sign up" }).click();
  await page.getByLabel("Email").fill(`golden-${path}@example.test`);
  await page.getByLabel("Name").fill("Golden Developer");
  await page.getByLabel("Password").fill("a-golden-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/portal$/);

  // Find the API by a search of the catalogue and open it.
  await page.getByRole("link", { name: "APIs", exact: true }).click();
  await page.getByLabel("Search APIs").fill(path);
  await page.getByRole("link", { name: api.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: api.name })).toBeVisible();

  // Subscribe through its product, accepting the terms.
  const products = page.getByRole("region", { name: "Subscribe" });
  await products.getByRole("button", { name: "Subscribe" }).click();
  await products.getByLabel("Subscription name").fill(`Golden app ${path}`);
  await products.getByLabel("I accept the terms").check();
  await products.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(products.getByRole("status").filter({ hasText: "is active" })).toBeVisible();
  await expect(page.getByTestId("try-it-key-status")).toHaveText("Try it sends this subscription's primary key.");

  // Try it: GET /hello through the gateway with the new key; the page shows the backend's answer.
  const hello = await tryItOperation(page.getByTestId("api-reference"), "/hello", { until200: true });
  await expect(hello.response).toContainText("Hello from the demo backend");

  // Copy the key from the subscription's page: the clipboard holds the real key, the page showed it masked.
  await page.getByRole("link", { name: "My subscriptions", exact: true }).click();
  await page.getByRole("link", { name: `Golden app ${path}` }).click();
  const keys = page.getByRole("region", { name: "Keys" });
  await expect(keys.getByTestId("primary-key")).toContainText("•");
  await keys.getByRole("button", { name: "Copy primary key" }).click();
  await expect(keys.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^[0-9a-f]{32}$/);
  const subscriptionId = decodeURIComponent(page.url().split("/").pop()!);
  // The example call beside the keys is a real operation of the API (its root path would answer 404).
  await expect(page.locator("pre.code-block", { hasText: "curl" })).toContainText(new RegExp(`${e2eEnv.GATEWAY_PUBLIC_URL}/${path}/[a-z]`));

  // My usage shows the try-it call on this subscription within seconds (the ingester runs in e2e).
  await page.getByRole("link", { name: "My usage", exact: true }).click();
  await page.getByLabel("Subscription", { exact: true }).selectOption(subscriptionId);
  const requests = page.getByLabel("Totals for the range").locator(".stat").filter({ hasText: "Requests" }).locator("dd");
  await expect(async () => {
    expect(Number(((await requests.textContent()) ?? "0").replace(/\D/g, ""))).toBeGreaterThanOrEqual(1);
  }).toPass({ timeout: 45_000 });
  await expect(page.getByRole("table", { name: "Per API" })).toContainText(api.name);
  await context.close();
});
