// Governing an API's life in the console: upload a spec with lint findings, read
// the report, import anyway, publish, re-import a changed spec, read the diff,
// make it current, and see the gateway serve the new operation.
import { expect, test } from "@playwright/test";
import { e2ePorts, gatewayUrl, storageStates } from "./support/e2e-env";
import { managementApi } from "./support/management-api";

test.use({ storageState: storageStates.admin });

/** A deliberately sloppy spec: no servers, no summaries, no 4xx responses, no license. */
function ordersSpec(withListOrders: boolean): string {
  return [
    "openapi: 3.0.3",
    "info:",
    "  title: Governed Orders",
    `  version: ${withListOrders ? "1.1.0" : "1.0.0"}`,
    "paths:",
    "  /hello:",
    "    get:",
    "      operationId: getHello",
    "      responses:",
    "        '200':",
    "          description: A greeting",
    ...(withListOrders
      ? ["  /orders:", "    get:", "      operationId: listOrders", "      responses:", "        '200':", "          description: All orders"]
      : []),
    "",
  ].join("\n");
}

const specFile = (name: string, text: string) => ({ name, mimeType: "application/yaml", buffer: Buffer.from(text) });

test("admin imports a linted spec, publishes it, and rolls out a new revision", async ({ page, request }) => {
  const apiPath = `governed-${Date.now().toString(36)}`;

  // Upload and check: the lint report is shown, and lint never blocks.
  await page.goto("/console/apis");
  await page.getByRole("link", { name: "Add API" }).click();
  await expect(page).toHaveURL(/\/console\/apis\/new$/);
  await page.getByLabel("Upload file").setInputFiles(specFile("orders-v1.yaml", ordersSpec(false)));
  await page.getByRole("button", { name: "Check" }).click();
  const checkResult = page.getByRole("region", { name: "Check result" });
  await expect(checkResult).toContainText("Governed Orders");
  await expect(checkResult.getByText("operation-summary")).toBeVisible();
  await expect(checkResult.getByText(/[1-9]\d* error\(s\)/).first()).toBeVisible();

  await page.getByLabel("Name").fill("Governed Orders");
  await page.getByLabel("Path").fill(apiPath);
  await page.getByLabel("Backend URL").fill(`http://127.0.0.1:${e2ePorts.demoBackend}`);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  // Lint never blocks: the import lands on the new API's page.
  await expect(page).toHaveURL(/\/console\/apis\/(?!new$)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Governed Orders" })).toBeVisible();
  const apiId = page.url().split("/").pop() as string;

  // A product and a subscription give us a key for the gateway.
  const product = await managementApi<{ id: string }>("/products", {
    method: "POST",
    body: JSON.stringify({ name: `Governed ${apiPath}`, apiIds: [apiId], state: "published" }),
  });
  const { primaryKey } = await managementApi<{ primaryKey: string }>("/subscriptions", {
    method: "POST",
    body: JSON.stringify({ productId: product.id, name: "governance e2e" }),
  });
  const callGateway = async (operation: string) => {
    const response = await request.get(`${gatewayUrl}/${apiPath}${operation}`, { headers: { "Ocp-Apim-Subscription-Key": primaryKey } });
    return response.status();
  };

  // Drafts are not on the gateway; publishing puts the API there.
  expect(await callGateway("/hello")).toBe(404);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect.poll(() => callGateway("/hello"), { timeout: 10_000 }).toBe(200);
  expect(await callGateway("/orders")).toBe(404);

  // Re-import a changed spec: a new revision, not yet current, with its diff.
  const revisionForm = page.getByRole("form", { name: "Import new revision" });
  await revisionForm.getByLabel("Revision file").setInputFiles(specFile("orders-v2.yaml", ordersSpec(true)));
  await revisionForm.getByLabel("Notes").fill("adds listOrders");
  await revisionForm.getByRole("button", { name: "Import revision" }).click();
  const revisionImported = revisionForm.getByRole("status");
  await expect(revisionImported).toContainText("Imported revision 2");
  await expect(revisionImported.getByRole("region", { name: "Added" })).toContainText("/orders");
  expect(await callGateway("/orders")).toBe(404);

  // Make it current: the gateway serves the new operation.
  const revisionRow = page.getByRole("row", { name: /#2/ });
  await revisionRow.getByRole("button", { name: "Show diff" }).click();
  await expect(page.getByRole("region", { name: "Added" }).last()).toContainText("/orders");
  await revisionRow.getByRole("button", { name: "Make current" }).click();
  await expect(page.getByRole("row", { name: /#2/ })).toContainText("current");
  await expect.poll(() => callGateway("/orders"), { timeout: 10_000 }).toBe(200);
  expect(await callGateway("/hello")).toBe(200);
});
