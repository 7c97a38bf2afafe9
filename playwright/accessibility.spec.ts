// Every console and portal page, in light and dark mode, has no serious or critical axe
// violation; at 390 px the console navigation opens from its Menu button (and Escape closes
// it); the theme chosen on one browser is the user's, rendered before paint on the next.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { gatewayUrl, storageStates } from "./support/e2e-env";
import { managementApi, publishDemoApi } from "./support/management-api";

type Fixture = {
  apiId: string;
  productId: string;
  subscriptionId: string;
  userId: string;
  /** The demo developer's own subscription (the portal's subscription page shows only one's own). */
  developerSubscriptionId: string;
  realm: string;
  request: { id: string; at: string };
};

/** One of everything a detail page shows, made through the management API, and one recorded request. */
async function makeFixture(): Promise<Fixture> {
  const { api, path } = await publishDemoApi("A11y", "a11y");
  const product = await managementApi<{ id: string }>("/products", {
    method: "POST",
    body: JSON.stringify({ name: `A11y ${path}`, apiIds: [api.id], state: "published" }),
  });
  const subscription = await managementApi<{ id: string; primaryKey: string }>("/subscriptions", {
    method: "POST",
    body: JSON.stringify({ productId: product.id, name: `A11y ${path}` }),
  });
  const realm = `a11y-${Date.now().toString(36)}`;
  await managementApi("/realms", { method: "POST", body: JSON.stringify({ name: realm }) });
  // The gateway learns of the API within moments; its answer then lands in the request log.
  await expect
    .poll(async () => (await fetch(`${gatewayUrl}/${path}/hello`, { headers: { "Ocp-Apim-Subscription-Key": subscription.primaryKey } })).status, { timeout: 15_000 })
    .toBe(200);
  let logged: { requestId: string; t: string } | undefined;
  await expect
    .poll(
      async () => {
        logged = (await managementApi<{ items: { requestId: string; t: string }[] }>(`/analytics/requests/log?apiId=${api.id}&limit=1`)).items[0];
        return Boolean(logged);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const { items: users } = await managementApi<{ items: { id: string }[] }>("/users?search=dev%40portcullis.local");
  const developerSubscription = await managementApi<{ id: string }>("/subscriptions", {
    method: "POST",
    body: JSON.stringify({ productId: product.id, name: `A11y dev ${path}`, userId: users[0].id }),
  });
  return {
    apiId: api.id,
    productId: product.id,
    subscriptionId: subscription.id,
    userId: users[0].id,
    developerSubscriptionId: developerSubscription.id,
    realm,
    request: { id: logged!.requestId, at: logged!.t },
  };
}

const consolePages = (f: Fixture) => [
  "/console",
  "/console/account",
  "/console/analytics",
  "/console/analytics/requests",
  `/console/analytics/requests/${encodeURIComponent(f.request.id)}?at=${encodeURIComponent(f.request.at)}`,
  "/console/apis",
  "/console/apis/new",
  `/console/apis/${f.apiId}`,
  "/console/audit",
  "/console/gateways",
  "/console/products",
  `/console/products/${f.productId}`,
  "/console/realms",
  `/console/realms/${f.realm}`,
  "/console/settings",
  "/console/subscriptions",
  "/console/subscriptions/approvals",
  `/console/subscriptions/${f.subscriptionId}`,
  "/console/tokens",
  "/console/users",
  `/console/users/${f.userId}`,
  "/console/version-sets",
  "/console/no-such-page",
];

const portalPages = (f: Fixture) => ["/portal", "/portal/apis", `/portal/apis/${f.apiId}`, "/portal/subscriptions", `/portal/subscriptions/${f.developerSubscriptionId}`, "/portal/usage", "/portal/apps", "/portal/management-api", "/portal/account"];

/** Serious and critical violations only, each with the elements it names, so a failure says what to fix. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1] ?? ""}`) }));
}

async function scan(browser: Browser, role: keyof typeof storageStates | null, paths: string[]) {
  const found: Record<string, unknown> = {};
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ storageState: role ? storageStates[role] : undefined, colorScheme });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(path);
      // Lists and detail cards load after the first paint; scan what the user ends up seeing.
      await page.waitForLoadState("networkidle");
      await expect(page.getByText(/^Loading/)).toHaveCount(0);
      const violations = await seriousViolations(page);
      if (violations.length) found[`${colorScheme} ${path}`] = violations;
    }
    await context.close();
  }
  return found;
}

test.describe("axe: no serious or critical violation", () => {
  let fixture: Fixture;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    fixture = await makeFixture();
  });

  test("on every console page, light and dark", async ({ browser }) => {
    // 44 scans; on a loaded 2-core machine one takes 5–10 s.
    test.setTimeout(600_000);
    expect(await scan(browser, "admin", consolePages(fixture))).toEqual({});
  });

  test("on every portal page and the login page, light and dark", async ({ browser }) => {
    test.setTimeout(300_000);
    expect(await scan(browser, null, ["/login", "/signup", "/portal"])).toEqual({});
    expect(await scan(browser, "developer", portalPages(fixture))).toEqual({});
  });
});

test.describe("at 390 px", () => {
  test.use({ storageState: storageStates.admin, viewport: { width: 390, height: 844 } });

  test("the console navigation opens from the Menu button, Escape closes it, and no page scrolls sideways", async ({ page }) => {
    await page.goto("/console/apis");
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Console" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    // The table scrolls inside its own box; the page itself fits the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator(`#${await menu.getAttribute("aria-controls")}`)).toBeVisible();
    await expect(nav).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    // Following a link closes the menu on the new page.
    await menu.click();
    await nav.getByRole("link", { name: "Products" }).click();
    await expect(page).toHaveURL(/\/console\/products$/);
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });

  test("the skip link is the first stop and moves focus to the content", async ({ page }) => {
    await page.goto("/console/products");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await skip.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
  });
});

test("the theme is the user's: chosen in one browser, rendered dark before paint in the next", async ({ browser }) => {
  const email = `theme-${Date.now().toString(36)}@portcullis.local`;
  const password = "a-theme-test-password";
  await managementApi("/users", { method: "POST", body: JSON.stringify({ email, name: "Theme tester", role: "viewer", password }) });
  const signIn = async () => {
    const context = await browser.newContext({ colorScheme: "light" });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/console/);
    return { page, context };
  };

  const first = await signIn();
  await expect(first.page.locator("html")).not.toHaveAttribute("data-theme");
  const saved = first.page.waitForResponse((r) => r.url().endsWith("/api/v1/me") && r.request().method() === "PATCH");
  await first.page.getByLabel("Theme").selectOption("dark");
  expect((await saved).status()).toBe(200);
  await expect(first.page.locator("html")).toHaveAttribute("data-theme", "dark");
  const background = await first.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(15, 19, 32)");
  await first.context.close();

  // Another browser, no cookie yet: it catches up with the stored choice, and from then on the
  // server renders it in the HTML itself, before any script runs.
  const second = await signIn();
  await expect(second.page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(second.page.getByLabel("Theme")).toHaveValue("dark");
  const html = await (await second.page.request.get("/console/products")).text();
  expect(html).toMatch(/<html[^>]*data-theme="dark"/);
  await second.context.close();
});
