// An admin sets an API's TLS settings in the console: a negative HSTS max-age is
// refused in the browser with the route's own message, the saved redirect makes
// the gateway answer plain HTTP with 308; an unreadable gateway certificate is
// refused by the server with the problem at its pointer.
import { expect, test } from "@playwright/test";
import { gatewayUrl, storageStates } from "./support/e2e-env";
import { managementApi, publishDemoApi } from "./support/management-api";

test.use({ storageState: storageStates.admin });

test("admin turns on HSTS and the HTTPS redirect for an API; a bad max-age is refused before sending", async ({ page, request }) => {
  const { api, path: apiPath } = await publishDemoApi("TLS Orders", "tls", { subscriptionRequired: false });
  await page.goto(`/console/apis/${api.id}`);
  const form = page.getByRole("form", { name: "TLS settings" });

  await form.getByLabel("Strict-Transport-Security (HSTS)").check();
  await form.getByLabel("HSTS max-age (s)").fill("-5");
  await form.getByRole("button", { name: "Save TLS" }).click();
  await expect(form.getByLabel("HSTS max-age (s)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("alert")).toContainText("See the message under the field");

  await form.getByLabel("HSTS max-age (s)").fill("600");
  await form.getByLabel("Redirect plain HTTP to HTTPS (308)").check();
  await form.getByRole("button", { name: "Save TLS" }).click();
  await expect.poll(async () => (await managementApi<{ hsts: unknown; httpsRedirect: boolean }>(`/apis/${api.id}`)).httpsRedirect).toBe(true);
  expect((await managementApi<{ hsts: unknown }>(`/apis/${api.id}`)).hsts).toEqual({ maxAgeSeconds: 600, includeSubDomains: false });

  await expect
    .poll(async () => (await request.get(`${gatewayUrl}/${apiPath}/hello`, { maxRedirects: 0 })).status(), { timeout: 10_000 })
    .toBe(308);
});

test("an unreadable gateway certificate is refused with the problem at its pointer", async ({ page }) => {
  await page.goto("/console/settings");
  const form = page.getByRole("form", { name: "Gateway certificate" });
  await form.getByLabel("Certificate chain (PEM)").fill("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----");
  await form.getByLabel("Private key (PEM)").fill("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----");
  await form.getByRole("button", { name: "Set certificate" }).click();
  await expect(form.getByRole("alert")).toContainText("/certificate");
  await expect(form.getByRole("alert")).toContainText("/privateKey");
});
