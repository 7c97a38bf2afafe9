// The console's APIs, subscriptions and users pages with thousands of rows: the first page
// loads, a search runs on the server, and "Load more" fetches the next page.
import { expect, test, type Page } from "@playwright/test";
import { listRows, type ListRows } from "../test/support/list-rows";
import { withE2eDb } from "./support/e2e-db";
import { storageStates } from "./support/e2e-env";

const PAGE_SIZE = 50;
// Sorts after the seed's and the other specs' rows (by name, by email; subscriptions are older).
const tag = `Zz${Date.now().toString(36)}`;
let rows: ListRows;

test.use({ storageState: storageStates.admin });

test.beforeAll(async () => {
  rows = listRows(tag, { apis: 2000, users: 2000, subscriptions: 3000 });
  await withE2eDb(async (db) => {
    await db.api.createMany({ data: rows.apis });
    await db.user.createMany({ data: rows.users });
    await db.product.create({ data: rows.product });
    await db.productApi.create({ data: rows.productApi });
    await db.subscription.createMany({ data: rows.subscriptions });
  });
});

// Later specs see the catalogue the seed made.
test.afterAll(async () => {
  await withE2eDb(async (db) => {
    await db.product.delete({ where: { id: rows.product.id } }); // cascades to its subscriptions
    await db.api.deleteMany({ where: { id: { in: rows.apis.map((a) => a.id!) } } });
    await db.user.deleteMany({ where: { id: { in: rows.users.map((u) => u.id!) } } });
  });
});

const bodyRows = (page: Page, table: string) => page.getByRole("table", { name: table }).locator("tbody tr");

const cases = [
  { page: "/console/apis", table: "APIs", search: "Search APIs", find: () => rows.apis[1234]!.name },
  { page: "/console/subscriptions", table: "Subscriptions", search: "Search subscriptions", find: () => rows.subscriptions[2345]!.name },
  { page: "/console/users", table: "Users", search: "Search users", find: () => rows.users[1717]!.email },
];

for (const c of cases) {
  test(`${c.page} pages and searches on the server`, async ({ page }) => {
    await page.goto(c.page);
    await expect(bodyRows(page, c.table)).toHaveCount(PAGE_SIZE);

    await page.getByRole("button", { name: "Load more" }).click();
    await expect(bodyRows(page, c.table)).toHaveCount(2 * PAGE_SIZE);

    await page.getByLabel(c.search).fill(c.find());
    await expect(bodyRows(page, c.table)).toHaveCount(1);
    await expect(bodyRows(page, c.table).first()).toContainText(c.find());
    await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);

    // A search matching thousands pages too.
    await page.getByLabel(c.search).fill(tag);
    await expect(bodyRows(page, c.table)).toHaveCount(PAGE_SIZE);
    await expect(bodyRows(page, c.table).first()).toContainText(tag);
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(bodyRows(page, c.table)).toHaveCount(2 * PAGE_SIZE);
  });
}
