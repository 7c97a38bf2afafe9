// The walking skeleton: an admin sees the demo API in the console, and a call
// through the gateway passes with the seeded subscription key and fails without.
import { expect, test } from "@playwright/test";
import { storageStates } from "./support/e2e-env";
import { gatewayUrl } from "./support/e2e-env";
import { demoSubscriptionKey } from "./support/management-api";

test.describe("admin console", () => {
  test.use({ storageState: storageStates.admin });

  test("lists the demo API and shows its operations", async ({ page }) => {
    await page.goto("/console/apis");
    const row = page.getByRole("row", { name: /Demo Orders API/ });
    await expect(row).toBeVisible();
    await expect(row).toContainText("demo");
    await row.getByRole("link", { name: "Demo Orders API" }).click();
    await expect(page.getByRole("cell", { name: "/orders/{orderId}", exact: true })).toBeVisible();
  });
});

test.describe("anonymous visitor", () => {
  test("is sent to the login page from the console", async ({ page }) => {
    await page.goto("/console/apis");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("gateway", () => {
  test("forwards a call with the seeded key and refuses one without", async ({ request }) => {
    const key = await demoSubscriptionKey();

    const allowed = await request.get(`${gatewayUrl}/demo/hello`, { headers: { "Ocp-Apim-Subscription-Key": key } });
    expect(allowed.status()).toBe(200);
    expect(await allowed.json()).toEqual({ message: "Hello from the demo backend" });

    const viaQuery = await request.get(`${gatewayUrl}/demo/orders/1?subscription-key=${key}`);
    expect(viaQuery.status()).toBe(200);
    expect((await viaQuery.json()).item).toBe("Portcullis T-shirt");

    const refused = await request.get(`${gatewayUrl}/demo/hello`);
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("missing_subscription_key");

    const wrongKey = await request.get(`${gatewayUrl}/demo/hello`, { headers: { "Ocp-Apim-Subscription-Key": "not-a-key" } });
    expect(wrongKey.status()).toBe(401);
  });
});
