// The Gateways page lists the running gateway (the e2e one) as it registered itself in
// Redis, and the gateway answers its probes and Prometheus metrics on their own ports.
import { expect, test } from "@playwright/test";
import { e2ePorts, gatewayUrl, storageStates } from "./support/e2e-env";

test.describe("gateways", () => {
  test.use({ storageState: storageStates.admin });

  test("the console lists the running gateway instance, ok, with its config version", async ({ page }) => {
    await page.goto("/console/gateways");
    const table = page.getByRole("table", { name: "Gateway instances" });
    const row = table.getByRole("row").filter({ hasText: /v\d+/ }).first();
    await expect(row).toBeVisible();
    await expect(row.getByText("ok", { exact: true })).toBeVisible();
  });

  test("the gateway is ready and exposes Prometheus metrics on its metrics port", async ({ request }) => {
    const ready = await request.get(`${gatewayUrl}/readyz`);
    expect(ready.status()).toBe(200);
    expect((await ready.json()).status).toBe("ready");
    const metrics = await request.get(`http://127.0.0.1:${e2ePorts.gatewayMetrics}/metrics`);
    expect(metrics.status()).toBe(200);
    expect(await metrics.text()).toMatch(/^portcullis_gateway_config_version [1-9]\d*$/m);
  });
});
