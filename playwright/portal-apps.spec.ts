// My apps (#19), as a developer: for an API that takes tokens of the portal's realm and needs a
// role, register an app, get a token in one click, call the API through the gateway with it:
// 403 with the gateway's message while the app lacks the role, 200 once an admin grants it, both
// from a script and from the API page's try-it (token in one click from the app).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { confirmWith } from "./support/confirm-dialog";
import { gatewayUrl, storageStates } from "./support/e2e-env";
import { managementApi, publishDemoApi } from "./support/management-api";
import { tryItOperation } from "./support/try-it";

test.use({ storageState: storageStates.developer });

const realm = `portal-apps-${Date.now().toString(36)}`;
let previousRealm: string | null = null;

test.beforeAll(async () => {
  await managementApi("/realms", { method: "POST", body: JSON.stringify({ name: realm }) });
  await managementApi(`/realms/${realm}/roles`, { method: "POST", body: JSON.stringify({ name: "orders-reader" }) });
  const settings = await managementApi<{ portal: { realm: string | null } }>("/settings");
  previousRealm = settings.portal.realm;
  await managementApi("/settings", { method: "PATCH", body: JSON.stringify({ portal: { realm } }) });
});

test.afterAll(async () => {
  await managementApi("/settings", { method: "PATCH", body: JSON.stringify({ portal: { realm: previousRealm } }) });
});

/** On the API's portal page: a token from the app in one click, then try-it's GET /hello; its status and body. */
async function tryItWithAppToken(page: Page, apiId: string, appName: string) {
  await page.goto(`/portal/apis/${apiId}`);
  const bearer = page.getByLabel("Bearer token", { exact: true });
  await expect(bearer).toHaveValue("");
  await page.getByRole("button", { name: `Get a token from my app for ${appName}` }).click();
  await expect(bearer).not.toHaveValue("");
  const { status, response } = await tryItOperation(page.getByTestId("api-reference"), "/hello");
  return { status, body: await response.innerText() };
}

/** One click on the app's "Get a token"; the token as the page shows it. */
async function getToken(page: Page, appName: string): Promise<string> {
  const card = page.getByRole("article", { name: appName });
  const shown = card.getByTestId("app-access-token");
  const before = (await shown.count()) > 0 ? await shown.innerText() : null;
  await card.getByRole("button", { name: `Get a token for ${appName}` }).click();
  await expect(shown).toBeVisible();
  await expect(card.getByRole("button", { name: /Copy the access token/ })).toBeVisible();
  if (before) await expect(shown).not.toHaveText(before);
  return (await shown.innerText()).trim();
}

test("a developer registers an app, gets a token in one click and calls a JWT-protected API with it", async ({ page, request }) => {
  const { api, path } = await publishDemoApi("Orders for apps", "apps-jwt", { subscriptionRequired: false, jwtRequirements: { realm, requiredRoles: ["orders-reader"] } });
  const appName = `Orders sync ${path}`;
  // Developers find an API in the portal through a published product that holds it.
  await managementApi("/products", { method: "POST", body: JSON.stringify({ name: `Apps ${path}`, apiIds: [api.id], state: "published" }) });

  await page.goto("/portal/apps");
  await expect(page.getByRole("heading", { name: "My apps", level: 1 })).toBeVisible();
  await expect(page.getByTestId("token-url")).toContainText(`/realms/${realm}/protocol/openid-connect/token`);
  await page.getByLabel("Name").fill(appName);
  await page.getByLabel("Description").fill("Calls the Orders API");
  await page.getByRole("button", { name: "Register app" }).click();

  // The secret is shown once, with a copy button, then dismissed for good.
  const secretBox = page.getByRole("region", { name: /Client secret of app-/ });
  await expect(secretBox.getByTestId("new-app-secret")).toHaveText(/^pcs_[A-Za-z0-9_-]{43}$/);
  await expect(secretBox.getByRole("button", { name: "Copy the client secret" })).toBeVisible();
  const clientId = (await secretBox.getByTestId("new-app-client-id").innerText()).trim();
  await secretBox.getByRole("button", { name: "I have copied it" }).click();
  await expect(page.getByTestId("new-app-secret")).toHaveCount(0);

  const card = page.getByRole("article", { name: appName });
  await expect(card.getByTestId("app-client-id")).toHaveText(clientId);
  await expect(card.getByTestId("app-roles")).toContainText("None yet");

  const call = (token: string) => request.get(`${gatewayUrl}/${path}/hello`, { headers: { authorization: `Bearer ${token}` } });

  // Without the role: the gateway's 403 and its message (once it has learnt the API).
  const withoutRole = await getToken(page, appName);
  await expect.poll(async () => (await call(withoutRole)).status(), { timeout: 15_000 }).toBe(403);
  const refused = await call(withoutRole);
  expect(await refused.json()).toEqual({ error: { code: "insufficient_scope", message: "The bearer token carries none of the roles this API requires." } });
  // Try-it shows the same refusal, with the gateway's message.
  const refusedTry = await tryItWithAppToken(page, api.id, appName);
  expect(refusedTry.status).toBe("403");
  expect(refusedTry.body).toContain("The bearer token carries none of the roles this API requires.");
  await page.goto("/portal/apps");

  // An admin grants the app the role in its realm; the next token carries it.
  await managementApi(`/realms/${realm}/clients/${clientId}`, { method: "PATCH", body: JSON.stringify({ roles: ["orders-reader"] }) });
  await page.reload();
  await expect(card.getByTestId("app-roles")).toHaveText("orders-reader");
  const withRole = await getToken(page, appName);
  const answered = await call(withRole);
  expect(answered.status()).toBe(200);

  // The populated page (an app, its token shown) has no serious or critical axe violation, at 390 px too.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }

  // Try-it with a fresh token from the app: the backend's answer.
  await page.setViewportSize({ width: 1280, height: 900 });
  const triedWithRole = await tryItWithAppToken(page, api.id, appName);
  expect(triedWithRole.status).toBe("200");
  expect(triedWithRole.body).toContain("Hello from the demo backend");
  await page.goto("/portal/apps");

  // Rotation and deletion ask first.
  await card.getByRole("button", { name: `Rotate the secret of ${appName}` }).click();
  await confirmWith(page, "Rotate secret");
  await expect(card.getByTestId("new-app-secret")).toHaveText(/^pcs_/);
  await card.getByRole("button", { name: `Delete ${appName}` }).click();
  await confirmWith(page, "Delete app");
  await expect(page.getByRole("article", { name: appName })).toHaveCount(0);
});
