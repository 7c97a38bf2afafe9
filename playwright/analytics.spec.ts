// Traffic sent through the real gateway shows on the analytics overview within seconds
// (gateway → BullMQ → ingester → PostgreSQL → the console's charts); filtering by one API
// narrows the figures to its own; each CSV download holds the numbers the page shows; the
// operation drills down to its requests and one request's recorded fields.
import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Locator, type Page } from "@playwright/test";
import { gatewayUrl, storageStates } from "./support/e2e-env";
import { publishDemoApi, subscribeToNewProduct } from "./support/management-api";

test.use({ storageState: storageStates.admin });

/** The CSV's rows as objects keyed by its header line. */
async function csvRows(download: Download): Promise<Record<string, string>[]> {
  const [header, ...lines] = (await readFile(await download.path(), "utf8")).trim().split("\r\n");
  const names = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i], cell])));
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  return csvRows(file);
}

const total = (page: Page, name: string) => page.getByLabel("Totals for the range").locator(`dt:text-is("${name}") + dd`);
const cell = (row: Locator, column: number) => row.getByRole("cell").nth(column);

test("traffic through the gateway appears in the charts, a filter narrows them and the CSVs hold the numbers shown", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { api: a, path: pathA } = await publishDemoApi("Traffic A", "traffic-a");
  const { api: b, path: pathB } = await publishDemoApi("Traffic B", "traffic-b");
  const { key: keyA, productId: productA } = await subscribeToNewProduct(`Traffic A ${pathA}`, a.id);
  const { key: keyB } = await subscribeToNewProduct(`Traffic B ${pathB}`, b.id);

  // Every answer is counted, so keep them all: a 404 before the gateway knows the API is not the API's.
  const statusesA: number[] = [];
  const callA = async (key?: string) => {
    const response = await request.get(`${gatewayUrl}/${pathA}/hello`, { headers: key ? { "Ocp-Apim-Subscription-Key": key } : {} });
    statusesA.push(response.status());
    return response.status();
  };
  await expect.poll(() => callA(keyA), { timeout: 15_000 }).toBe(200);
  await expect.poll(async () => (await request.get(`${gatewayUrl}/${pathB}/hello`, { headers: { "Ocp-Apim-Subscription-Key": keyB } })).status(), { timeout: 15_000 }).toBe(200);
  for (let i = 0; i < 5; i++) expect(await callA(keyA)).toBe(200);
  for (let i = 0; i < 2; i++) expect(await callA()).toBe(401); // refused: no key
  const countA = statusesA.filter((s) => s !== 404).length;
  const errorsA = statusesA.filter((s) => s >= 400 && s !== 404).length;

  await page.goto("/console/analytics?range=15m");
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  const topApis = page.getByRole("table", { name: "Top APIs" });
  const rowA = topApis.getByRole("row", { name: new RegExp(a.name) });
  // Auto-refresh (10 s) brings the requests in without a reload.
  await expect(cell(rowA, 1)).toHaveText(String(countA), { timeout: 30_000 });
  await expect(cell(rowA, 2)).toHaveText(String(errorsA));
  await expect(topApis.getByRole("row", { name: new RegExp(b.name) })).toBeVisible();
  // B's requests (and earlier specs') are in the unfiltered totals.
  await expect.poll(async () => Number((await total(page, "Requests").innerText()).replaceAll(",", "")), { timeout: 15_000 }).toBeGreaterThan(countA);

  // The Top APIs CSV holds the table's figures.
  const apiRows = await download(page, "Download CSV of Top APIs");
  expect(apiRows.find((r) => r.key === a.id)).toMatchObject({ count: String(countA), errors: String(errorsA) });

  // Drill down: API A only. The URL keeps the filter; the totals become A's own.
  await page.getByRole("button", { name: `Filter by API ${a.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`apiId=${a.id}`));
  await expect(page.getByRole("list", { name: "Filters in force" })).toContainText(`API: ${a.name}`);
  await expect(total(page, "Requests")).toHaveText(String(countA));
  await expect(total(page, "Errors")).toHaveText(String(errorsA));
  await expect(topApis.getByRole("row", { name: new RegExp(b.name) })).toHaveCount(0);
  const operation = page.getByRole("table", { name: "Top operations" }).getByRole("row", { name: /\/hello/ });
  await expect(cell(operation, 1)).toHaveText(String(countA));

  // The series CSV adds up to the totals shown; the operations CSV matches its table.
  const series = await download(page, "Download CSV of Requests and error rate");
  expect(series.reduce((sum, r) => sum + Number(r.Requests), 0)).toBe(countA);
  expect(series.reduce((sum, r) => sum + Number(r.Errors), 0)).toBe(errorsA);
  const operations = await download(page, "Download CSV of Top operations");
  expect(operations).toHaveLength(1);
  expect(operations[0]).toMatchObject({ count: String(countA), errors: String(errorsA) });

  // The operation's requests, then one request's recorded fields.
  await operation.getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Request log", level: 1 })).toBeVisible();
  const log = page.getByRole("table", { name: "Requests" });
  await expect(log.getByRole("row")).toHaveCount(countA + 1); // + the header row
  await expect(log.getByRole("cell", { name: "401 (client error)", exact: true })).toHaveCount(errorsA);
  await log.getByRole("row").nth(1).getByRole("link").first().click();
  const fields = page.getByLabel("Recorded fields");
  await expect(fields).toContainText(`/${pathA}/hello`);
  await expect(fields).toContainText(a.id);
  await expect(fields).toContainText("GET");

  // The API's own page and its product's page carry the same figures in their Traffic card.
  await page.goto(`/console/apis/${a.id}`);
  await expect(page.getByLabel("Traffic totals").locator('dt:text-is("Requests") + dd')).toHaveText(String(countA));
  await expect(cell(page.getByRole("table", { name: "Top operations" }).getByRole("row", { name: /\/hello/ }), 1)).toHaveText(String(countA));
  // Refused without a key, a request has no subscription, hence no product.
  await page.goto(`/console/products/${productA}`);
  await expect(page.getByLabel("Traffic totals").locator('dt:text-is("Requests") + dd')).toHaveText(String(statusesA.filter((s) => s === 200).length));
});
