// An admin sees a product's limits in force and each subscription's usage as the
// gateways count it: the product page's "Subscribers" card and the
// subscription's own page list the product's limits and the API's own (both apply)
// and agree with the RateLimit header of the last call.
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
  await managementApi(`/apis/${api.id}`, { method: "PATCH", body: JSON.stringify({ rateLimit: { calls: 20, periodSeconds: 60 } }) });
  const call = () => request.get(`${gatewayUrl}/${path}/hello`, { headers: { "Ocp-Apim-Subscription-Key": key } });

  // Calls until the gateway enforces the product's limits (it learns them over the config channel),
  // then two more; the last answer says what is left.
  await expect.poll(async () => items((await call()).headers()["ratelimit-policy"])["api-rate"], { timeout: 15_000 }).toEqual({ q: 20, w: 60 });
  await call();
  const last = await call();
  expect(last.status()).toBe(200);
  const left = items(last.headers()["ratelimit"]);
  const rateLeft = Number(left["product-rate"].r);
  const apiRateLeft = Number(left["api-rate"].r);
  const quotaUsed = 1000 - Number(left["product-quota"].r);
  expect(quotaUsed).toBeGreaterThanOrEqual(3);

  await page.goto(`/console/products/${productId}`);
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Subscribers" }) });
  const limits = card.getByRole("list", { name: "Limits in force" });
  await expect(limits).toContainText("Rate limit: 50 calls per 60 s");
  await expect(limits).toContainText("Quota: 1,000 calls per UTC day");
  const row = card.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(`The product (all its APIs together): ${rateLeft}/50 left per 60 s · ${quotaUsed}/1,000 calls this day`);
  await expect(row).toContainText(`API ${api.name}: ${apiRateLeft}/20 left per 60 s`);

  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const productGroup = page.getByLabel("The product (all its APIs together)", { exact: true });
  await expect(productGroup).toContainText(`50 calls per 60 s · ${rateLeft} left`);
  await expect(productGroup).toContainText(`Calls per day: ${quotaUsed} of 1,000 used`);
  const apiGroup = page.getByLabel(`API ${api.name}`, { exact: true });
  await expect(apiGroup).toContainText(`20 calls per 60 s · ${apiRateLeft} left`);
  await expect(apiGroup.getByRole("definition").filter({ hasText: "None" })).toHaveCount(1); // no quota of its own
});
