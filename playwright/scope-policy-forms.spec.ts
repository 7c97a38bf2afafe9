// Gateway rules set at the two widest scopes from the console: a product's body
// size limit, which the gateway enforces for that product's subscribers on its
// APIs, and a workspace default, which the Settings page shows again after a reload.
import { expect, test } from "@playwright/test";
import { gatewayUrl, storageStates } from "./support/e2e-env";
import { managementApi, publishDemoApi, subscribeToNewProduct } from "./support/management-api";

test.use({ storageState: storageStates.admin });

const order = (padding: number) => JSON.stringify({ item: "tea", quantity: 1, note: "x".repeat(padding) });
const postOrder = (path: string, key: string, body: string) =>
  fetch(`${gatewayUrl}/${path}/orders`, { method: "POST", headers: { "Ocp-Apim-Subscription-Key": key, "content-type": "application/json" }, body });

test("a product's body size limit set in the console answers 413 to its subscriber on the product's API", async ({ page }) => {
  const { api, path } = await publishDemoApi("Product rules", "product-rules");
  const { productId, key } = await subscribeToNewProduct(`Product rules ${path}`, api.id);
  expect((await postOrder(path, key, order(2000))).status).toBe(201); // no limit yet

  await page.goto(`/console/products/${productId}`);
  const rules = page.getByRole("form", { name: "Product gateway rules" });
  await expect(rules.getByLabel("Allowed origins")).toHaveCount(0); // CORS is not a product rule
  await rules.getByLabel("Max request body (bytes)").fill("1000");
  await rules.getByRole("button", { name: "Save rules" }).click();
  await expect(rules.getByRole("status")).toContainText("Rules saved");

  // The gateway learns the rule over the config channel; a small body still passes.
  await expect.poll(async () => (await postOrder(path, key, order(2000))).status, { timeout: 15_000 }).toBe(413);
  const refused = await postOrder(path, key, order(2000));
  expect(await refused.json()).toMatchObject({ error: { code: "payload_too_large" } });
  expect((await postOrder(path, key, order(10))).status).toBe(201);

  // Stored as the product's policy, nothing else set: the empty fields keep inheriting the workspace's.
  const product = await managementApi<{ policy: Record<string, unknown> }>(`/products/${productId}`);
  expect(product.policy).toMatchObject({ maxRequestBodyBytes: 1000 });
  expect(product.policy).not.toHaveProperty("ipFilter");
});

test.describe("workspace gateway defaults", () => {
  // Other specs share the workspace: put the default back.
  test.afterAll(async () => {
    await managementApi("/settings", { method: "PATCH", body: JSON.stringify({ gatewayPolicy: { onLimiterFailure: "open" } }) });
  });

  test("an admin saves a gateway default on the Settings page and sees it after a reload", async ({ page }) => {
    await page.goto("/console/settings");
    const defaults = page.getByRole("form", { name: "Gateway defaults" });
    await defaults.getByLabel("If the limiter is unreachable").selectOption("closed");
    await defaults.getByRole("button", { name: "Save defaults" }).click();
    await expect(defaults.getByRole("status")).toContainText("Defaults saved");

    await page.reload();
    await expect(page.getByRole("form", { name: "Gateway defaults" }).getByLabel("If the limiter is unreachable")).toHaveValue("closed");
    const settings = await managementApi<{ gatewayPolicy: Record<string, unknown> }>("/settings");
    expect(settings.gatewayPolicy).toMatchObject({ onLimiterFailure: "closed", rateLimit: null, quota: null });
  });
});
