// An admin sees a product's limits in force and each subscription's usage as the
// gateways count it: the product page's "Limits in force and usage" card and the
// subscription's own page agree with the RateLimit header of the last call.
import { expect, test } from "@playwright/test";
import { parseList, type Item } from "structured-headers";
import { gatewayUrl, storageStates } from "./support/e2e-env";
import { managementApi, publishDemoApi, subscribeToNewProduct } from "./support/management-api";

test.use({ storageState: storageStates.admin });

/** { "product-rate": { r, t }, ... } from a RateLimit or RateLimit-Policy header. */
const items = (header: string | undefined) =>
  Object.fromEntries((parseList(header ?? "") as Item[]).map(([name, params]) => [String(name), Object.fromEntries(params)]));

test("the product page and the subscription page show the limits in force and the usage counted so far", async ({ page, request }) => {
  const { api, path } = await publishDemoApi("Metered", "metered");
  const name = `Metered ${path}`;
  const { productId, key } = await subscribeToNewProduct(name, api.id);
  await managementApi(`/products/${productId}`, {
    method: "PATCH",
    body: JSON.stringify({ rateLimit: { calls: 50, periodSeconds: 60 }, quota: { calls: 1000, bandwidthBytes: null, period: "day" } }),
  });
  const call = () => request.get(`${gatewayUrl}/${path}/hello`, { headers: { "Ocp-Apim-Subscription-Key": key } });

  // Calls until the gateway enforces the product's limits (it learns them over the config channel),
  // then two more; the last answer says what is left.
  await expect.poll(async () => items((await call()).headers()["ratelimit-policy"])["product-rate"], { timeout: 15_000 }).toEqual({ q: 50, w: 60 });
  await call();
  const last = await call();
  expect(last.status()).toBe(200);
  const left = items(last.headers()["ratelimit"]);
  const rateLeft = Number(left["product-rate"].r);
  const quotaUsed = 1000 - Number(left["product-quota"].r);
  expect(quotaUsed).toBeGreaterThanOrEqual(3);

  await page.goto(`/console/products/${productId}`);
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Limits in force and usage" }) });
  const limits = card.getByRole("list", { name: "Limits in force" });
  await expect(limits).toContainText("Rate limit: 50 calls per 60 s");
  await expect(limits).toContainText("Quota: 1,000 calls per UTC day");
  const row = card.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(`${rateLeft}/50 left per 60 s`);
  await expect(row).toContainText(`${quotaUsed}/1,000 calls this day`);

  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const usage = page.getByRole("definition").filter({ hasText: "calls per 60 s" });
  await expect(usage).toContainText(`50 calls per 60 s · ${rateLeft} left`);
  await expect(page.getByLabel("Limits and usage")).toContainText(`Calls per day: ${quotaUsed} of 1,000 used`);
  await expect(page.getByLabel("Limits and usage")).toContainText("the product's limits");
});
