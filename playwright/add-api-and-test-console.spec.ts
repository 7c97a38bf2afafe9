// The API tasks on their own pages: add an API from a file (name, path and backend proposed from
// the document, the import landing on the new API), send a test request through the gateway from
// the API's test console and read its status and RateLimit headers, then delete the API after
// the confirmation says what it does (and nothing happens when it is dismissed).
import { expect, test } from "@playwright/test";
import { confirmWith, dismissWithEscape } from "./support/confirm-dialog";
import { e2ePorts, storageStates } from "./support/e2e-env";
import { managementApi } from "./support/management-api";

test.use({ storageState: storageStates.admin });

const tag = Date.now().toString(36);
const title = `Console Orders ${tag}`;
const backend = `http://127.0.0.1:${e2ePorts.demoBackend}`;
const spec = [
  "openapi: 3.0.3",
  "info:",
  `  title: ${title}`,
  "  version: 1.0.0",
  "servers:",
  `  - url: ${backend}`,
  "paths:",
  "  /orders/{orderId}:",
  "    get:",
  "      operationId: getOrder",
  "      summary: One order",
  "      parameters:",
  "        - { name: orderId, in: path, required: true, schema: { type: string, example: '1' } }",
  "      responses: { '200': { description: The order }, '404': { description: Unknown } }",
  "",
].join("\n");

test("adds an API from a file with proposed fields, tests it through the gateway, and deletes it", async ({ page }) => {
  await page.goto("/console/apis");
  await page.getByRole("link", { name: "Add API" }).click();
  await expect(page).toHaveURL(/\/console\/apis\/new$/);
  await page.getByLabel("Upload file").setInputFiles({ name: "orders.yaml", mimeType: "application/yaml", buffer: Buffer.from(spec) });

  // Proposed from info.title and servers[0] as soon as the file is read, before any server call.
  await expect(page.getByLabel("Name")).toHaveValue(title);
  await expect(page.getByLabel("Path")).toHaveValue(`console-orders-${tag}`);
  await expect(page.getByLabel("Backend URL")).toHaveValue(backend);
  await page.getByLabel("Initial state").selectOption("published");
  await page.getByRole("button", { name: "Import", exact: true }).click();

  await expect(page).toHaveURL(/\/console\/apis\/(?!new$)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The page names the thing: in the tab's title and in its breadcrumb trail back to the list.
  await expect(page).toHaveTitle(`${title} · APIs · Portcullis`);
  const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(breadcrumb.getByRole("link", { name: "APIs" })).toHaveAttribute("href", "/console/apis");
  await expect(breadcrumb.getByText(title)).toHaveAttribute("aria-current", "page");
  const apiId = page.url().split("/").pop() as string;
  await expect(page.getByText(`/console-orders-${tag}`).first()).toBeVisible();

  // A rate limit on the API, so the answer carries RateLimit headers.
  await managementApi(`/apis/${apiId}`, { method: "PATCH", body: JSON.stringify({ rateLimit: { calls: 20, periodSeconds: 60 } }) });
  await page.reload();

  const console_ = page.getByRole("region", { name: "Test console" });
  await expect(console_.getByLabel("Operation")).toHaveValue(/.+/);
  await expect(console_.getByLabel("orderId (required)")).toHaveValue("1");
  const response = console_.getByRole("region", { name: "Test response" });
  // The new API's config reaches the gateway a moment after the change: send until it has.
  await expect(async () => {
    await console_.getByRole("button", { name: "Send GET" }).click();
    await expect(response.getByRole("status")).toContainText("Status 200", { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(response.getByLabel("Response body")).toContainText("Portcullis T-shirt");
  await expect(response).toContainText(`/console-orders-${tag}/orders/1`);
  const headers = response.getByRole("definition").filter({ hasText: /q=20;w=60/ });
  await expect(headers.first()).toBeVisible();
  await expect(response.getByText("ratelimit-policy", { exact: true })).toBeVisible();
  await expect(response.getByText("ratelimit", { exact: true })).toBeVisible();

  // Delete: the confirmation says what happens; dismissing it changes nothing.
  const deleteCard = page.getByRole("region", { name: "Delete API" });
  await deleteCard.getByRole("button", { name: "Delete API…" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("404 for every client");
  await dismissWithEscape(page);
  await managementApi(`/apis/${apiId}`);
  await deleteCard.getByRole("button", { name: "Delete API…" }).click();
  await confirmWith(page, "Delete API");
  await expect(page).toHaveURL(/\/console\/apis$/);
  await expect.poll(async () => (await fetch(`http://localhost:${e2ePorts.console}/api/v1/apis/${apiId}`, { headers: { authorization: "Bearer e2e-admin-token-0123456789abcdef" } })).status).toBe(404);
});
