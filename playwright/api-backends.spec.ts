// An admin edits an API's backends in the console: a weight of 0 is refused in the
// browser with the route's own message, a second weighted backend is saved, and
// the gateway keeps serving through both.
import { expect, test } from "@playwright/test";
import { e2ePorts, gatewayUrl, storageStates } from "./support/e2e-env";
import { managementApi, publishDemoApi } from "./support/management-api";

test.use({ storageState: storageStates.admin });

test("admin sets weighted backends and a health check; a bad weight is refused before sending", async ({ page, request }) => {
  const { api, path: apiPath } = await publishDemoApi("Weighted Orders", "weighted", { subscriptionRequired: false });
  await page.goto(`/console/apis/${api.id}`);
  const form = page.getByRole("form", { name: "Backend settings" });

  await form.getByLabel("Backend 1 weight").fill("0");
  await form.getByRole("button", { name: "Save backends" }).click();
  // Said under the weight itself (the route's schema, checked in the browser), the banner pointing there.
  await expect(form.getByLabel("Backend 1 weight")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Backend 1 weight")).toHaveAccessibleDescription(/greater than or equal to 1|>=1|too small/i);
  await expect(form.getByRole("alert")).toContainText("See the message under the field");

  await form.getByLabel("Backend 1 weight").fill("3");
  await form.getByRole("button", { name: "Add backend" }).click();
  await form.getByLabel("Backend 2 URL").fill(`http://localhost:${e2ePorts.demoBackend}`);
  await form.getByLabel("Active health check").check();
  await form.getByLabel("Health check path").fill("/hello");
  await form.getByRole("button", { name: "Save backends" }).click();
  await expect(page.getByText("(weight 3)")).toBeVisible();

  const saved = await managementApi<{ backends: { url: string; weight: number }[]; backendSettings: { healthCheck: { path: string } } }>(`/apis/${api.id}`);
  expect(saved.backends).toEqual([
    { url: `http://127.0.0.1:${e2ePorts.demoBackend}`, weight: 3 },
    { url: `http://localhost:${e2ePorts.demoBackend}`, weight: 1 },
  ]);
  expect(saved.backendSettings.healthCheck.path).toBe("/hello");
  await expect.poll(async () => (await request.get(`${gatewayUrl}/${apiPath}/hello`)).status(), { timeout: 10_000 }).toBe(200);
});
