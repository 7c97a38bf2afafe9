// The developer portal's API catalogue and reference, as a developer meets them: find the API
// by search, subscribe from its page, read its reference (served from the gateway's address),
// call an operation with try-it and their own key through the gateway (its CORS answers the
// portal's preflight with no rule set), copy code samples with the key as a placeholder; and
// swagger-ui raises no console error on the management API's reference.
import { expect, test, type Page } from "@playwright/test";
import { e2eEnv, storageStates } from "./support/e2e-env";
import { managementApi, publishDemoApi } from "./support/management-api";
import { tryItOperation } from "./support/try-it";

test.use({ storageState: storageStates.developer });

/** Every console error and uncaught exception of the page, as the browser's console shows them. */
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

test("a developer finds an API, subscribes, tries it with their key through the gateway and copies code samples", async ({ page }) => {
  const { api, path } = await publishDemoApi("Portal reference", "portalref");
  await managementApi("/products", { method: "POST", body: JSON.stringify({ name: `Reference ${path}`, apiIds: [api.id], state: "published" }) });
  const serverUrl = `${e2eEnv.GATEWAY_PUBLIC_URL}/${path}`;
  const errors = collectConsoleErrors(page);

  // Find it in the catalogue by a server-side search.
  await page.goto("/portal/apis");
  await page.getByLabel("Search APIs").fill(path);
  await page.getByRole("link", { name: api.name }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/apis/${api.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: api.name })).toBeVisible();
  await expect(page.getByTestId("gateway-server")).toHaveText(serverUrl);

  // The reference's only server is the gateway's address for this API.
  const reference = page.getByTestId("api-reference");
  await expect(reference.getByLabel("Server")).toHaveValue(serverUrl);
  await expect(reference.locator(".opblock")).toHaveCount(5);

  // Subscribe from the API's page; try-it then uses that subscription's key.
  await expect(page.getByRole("note").filter({ hasText: "no active subscription" })).toBeVisible();
  const products = page.getByRole("region", { name: "Subscribe" });
  await products.getByRole("button", { name: "Subscribe" }).click();
  await products.getByLabel("Subscription name").fill(`try-it ${path}`);
  await products.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(products.getByRole("status").filter({ hasText: "is active" })).toBeVisible();
  await expect(page.getByText(`Try it uses your subscription try-it ${path}`)).toBeVisible();
  await expect(page.getByTestId("try-it-key-status")).toHaveText("Try it sends this subscription's primary key.");

  // Try it: GET /hello through the gateway with the key; the backend's answer is read by the page.
  // The new key reaches the gateway a moment after the subscription is made.
  const hello = await tryItOperation(reference, "/hello", { until200: true });
  await expect(hello.response).toContainText("Hello from the demo backend");

  // Code samples: a real operation's URL, the key as a placeholder until asked for.
  const samples = page.getByRole("region", { name: "Code samples" });
  await samples.getByLabel("Operation").selectOption({ label: "GET /orders/{orderId} – Get one order" });
  for (const language of ["curl", "JavaScript (fetch)", "Python (requests)", "Go", "C# (HttpClient)"]) {
    await samples.getByLabel("Language").selectOption({ label: language });
    await expect(samples.getByTestId("code-sample")).toContainText(`${serverUrl}/orders/string`);
    await expect(samples.getByTestId("code-sample")).toContainText("<your-subscription-key>");
  }
  await samples.getByLabel("Language").selectOption({ label: "curl" });
  await samples.getByLabel(/Show my real key/).check();
  await expect(samples.getByTestId("code-sample")).not.toContainText("<your-subscription-key>");
  await expect(samples.getByTestId("code-sample")).toContainText(/Ocp-Apim-Subscription-Key: [0-9a-f]{32}/);
  await expect(samples.getByRole("button", { name: "Copy curl sample" })).toBeVisible();

  // The gateway's 401s while the new key was on its way are logged as failed loads; nothing else may be.
  expect(errors.filter((e) => !e.startsWith("Failed to load resource"))).toEqual([]);
});

test("the catalogue filters by tag on the server and fits a 390 px screen", async ({ page }) => {
  const { api, path } = await publishDemoApi("Portal tags", "portaltags");
  await managementApi("/products", { method: "POST", body: JSON.stringify({ name: `Tags ${path}`, apiIds: [api.id], state: "published" }) });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/portal/apis");
  await page.getByLabel("Search APIs").fill(path);
  await expect(page.getByRole("link", { name: api.name })).toBeVisible();
  await page.getByRole("searchbox", { name: "Tag" }).fill("no-such-tag");
  await expect(page.getByText("No APIs match")).toBeVisible();
  await page.getByRole("searchbox", { name: "Tag" }).fill("orders");
  await expect(page.getByRole("link", { name: api.name })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("swagger-ui raises no console error on the management API's reference (no 'refract is not a function')", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/portal/management-api");
  const operations = page.locator(".swagger-ui .opblock");
  await expect(operations.first()).toBeVisible({ timeout: 30_000 });
  // Opening an operation resolves its schemas with swagger-client's OpenAPI 3.1 strategy (ApiDOM).
  await operations.first().locator(".opblock-summary-control").click();
  await expect(operations.first().locator(".opblock-body")).toBeVisible();
  await page.waitForTimeout(1_000);
  expect(errors).toEqual([]);
});
