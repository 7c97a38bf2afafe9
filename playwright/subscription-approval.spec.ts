// Self-service with approval: a developer accepts a product's terms and asks for
// access; an admin approves one request and rejects another with a reason; the
// developer sees both outcomes, and the approved key opens the API at the gateway.
import { expect, test, type Browser } from "@playwright/test";
import { gatewayUrl, storageStates } from "./support/e2e-env";
import { managementApi } from "./support/management-api";

type Api = { id: string; path: string };

async function asRole(browser: Browser, role: keyof typeof storageStates) {
  const context = await browser.newContext({ storageState: storageStates[role] });
  return { page: await context.newPage(), close: () => context.close() };
}

test("a developer's requests are approved or rejected by an admin", async ({ browser, request }) => {
  const { items: apis } = await managementApi<{ items: (Api & { name: string })[] }>("/apis?path=demo&limit=200");
  const demoApi = apis.find((a) => a.path === "demo") as Api;
  const productName = `Partner ${Date.now().toString(36)}`;
  await managementApi("/products", {
    method: "POST",
    body: JSON.stringify({ name: productName, apiIds: [demoApi.id], state: "published", approvalRequired: true, terms: "No scraping." }),
  });

  // The developer asks twice; the terms must be accepted.
  const developer = await asRole(browser, "developer");
  const card = developer.page.getByRole("article", { name: productName });
  for (const name of ["Approved app", "Rejected app"]) {
    await developer.page.goto("/portal");
    await card.getByRole("button", { name: "Subscribe" }).click();
    await card.getByLabel("Subscription name").fill(name);
    await expect(card.getByRole("group", { name: "Terms of use" })).toContainText("No scraping.");
    await card.getByLabel("I accept the terms").check();
    await card.getByRole("button", { name: "Confirm subscription" }).click();
    // The catalogue lands on the new subscription's page.
    await expect(developer.page).toHaveURL(/\/portal\/subscriptions\/[^/]+$/);
    await expect(developer.page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(developer.page.getByRole("main")).toContainText("awaiting approval");
  }

  // The admin decides.
  const admin = await asRole(browser, "admin");
  await admin.page.goto("/console/subscriptions/approvals");
  await admin.page.getByRole("row", { name: /Approved app/ }).getByRole("button", { name: "Approve" }).click();
  await expect(admin.page.getByRole("row", { name: /Approved app/ })).toHaveCount(0);
  await admin.page.getByRole("row", { name: /Rejected app/ }).getByRole("button", { name: "Reject" }).click();
  const rejectForm = admin.page.getByRole("form", { name: "Reject Rejected app" });
  await rejectForm.getByLabel("Reason").fill("Partners only");
  await rejectForm.getByRole("button", { name: "Confirm rejection" }).click();
  await expect(admin.page.getByRole("row", { name: /Rejected app/ })).toHaveCount(0);

  // The developer sees the outcomes and uses the approved key.
  await developer.page.goto("/portal/subscriptions");
  const approved = developer.page.getByRole("article", { name: "Approved app" }).first();
  const rejected = developer.page.getByRole("article", { name: "Rejected app" }).first();
  await expect(approved).toContainText("active");
  await expect(rejected).toContainText("rejected");
  await expect(rejected).toContainText("Partners only");

  const { items } = await managementApi<{ items: { id: string; name: string; product: { name: string } | null }[] }>(`/subscriptions?search=${encodeURIComponent("Approved app")}&limit=200`);
  const approvedId = items.find((s) => s.name === "Approved app" && s.product?.name === productName)?.id as string;
  const { primaryKey } = await managementApi<{ primaryKey: string }>(`/subscriptions/${approvedId}/secrets`);
  await expect
    .poll(async () => (await request.get(`${gatewayUrl}/demo/hello`, { headers: { "Ocp-Apim-Subscription-Key": primaryKey } })).status(), {
      timeout: 10_000,
    })
    .toBe(200);

  await developer.close();
  await admin.close();
});
