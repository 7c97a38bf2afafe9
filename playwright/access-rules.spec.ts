// Access rules (CEL) end to end (#16): an admin adds a rule on an API's page in the console, the
// rule tester shows its verdict for pasted input, and the gateway then refuses a call the rule
// does not hold for with 403 access_denied naming the rule, and passes the one it holds for.
import { expect, test } from "@playwright/test";
import { gatewayUrl, storageStates } from "./support/e2e-env";
import { managementApi, publishDemoApi } from "./support/management-api";

test.use({ storageState: storageStates.admin });

test("an access rule added in the console is tried in the tester and enforced by the gateway", async ({ page }) => {
  const { api, path } = await publishDemoApi("Access rules", "access-rules", { subscriptionRequired: false });
  const call = (team?: string) => fetch(`${gatewayUrl}/${path}/hello`, { headers: team ? { "x-team": team } : {} });
  // Published and open: the gateway serves it before any rule.
  await expect.poll(async () => (await call()).status, { timeout: 15_000 }).toBe(200);

  await page.goto(`/console/apis/${api.id}`);
  const form = page.getByRole("form", { name: "Access rules and identity" });
  await form.getByRole("button", { name: "Add rule" }).click();
  await form.getByLabel("Rule 1 name").fill("blue team only");
  await form.getByLabel("Rule 1 expression (CEL)").fill('request.headers["x-team"] == "blue"');

  // The tester tries the rule as edited, before it is saved.
  const tester = page.getByRole("group", { name: "Rule tester" });
  await tester.getByLabel("Path below the API").fill("/hello");
  await tester.getByLabel("Headers (Name: value per line)").fill("X-Team: red");
  await tester.getByRole("button", { name: "Test rules" }).click();
  const verdict = page.getByRole("status", { name: "Rule verdict" });
  await expect(verdict).toContainText("403 access_denied");
  await expect(verdict).toContainText("blue team only");
  await tester.getByLabel("Headers (Name: value per line)").fill("X-Team: blue");
  await tester.getByRole("button", { name: "Test rules" }).click();
  await expect(verdict).toContainText("allowed");
  await expect(verdict).toContainText("every rule holds");

  await form.getByRole("button", { name: "Save access rules" }).click();
  await expect(form.getByRole("status")).toContainText("Access rules saved");

  // The gateway picks the rule up over the config channel.
  await expect.poll(async () => (await call("red")).status, { timeout: 15_000 }).toBe(403);
  const refused = await call("red");
  const body = (await refused.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("access_denied");
  expect(body.error.message).toContain('"blue team only"');
  expect((await call()).status).toBe(403);
  expect((await call("blue")).status).toBe(200);
});

test("an operation's own access rules, set on its policy panel, replace the API's for that operation only", async ({ page }) => {
  const { api, path } = await publishDemoApi("Operation access rules", "op-access-rules", { subscriptionRequired: false });
  await managementApi(`/apis/${api.id}`, {
    method: "PATCH",
    body: JSON.stringify({ accessRules: [{ name: "blue team only", expression: 'request.headers["x-team"] == "blue"' }] }),
  });
  const call = (op: string, headers: Record<string, string>) => fetch(`${gatewayUrl}/${path}/${op}`, { headers });
  await expect.poll(async () => (await call("echo", { "x-team": "red" })).status, { timeout: 15_000 }).toBe(403);

  await page.goto(`/console/apis/${api.id}`);
  await page.getByRole("row").filter({ hasText: "/echo" }).getByRole("button", { name: "Rules" }).click();
  const form = page.getByRole("form", { name: "Operation access rules" });
  await form.getByRole("button", { name: "Add rule" }).click();
  await form.getByLabel("Rule 1 name").fill("gold tier only");
  await form.getByLabel("Rule 1 expression (CEL)").fill('request.headers["x-tier"] == "gold"');
  await form.getByRole("button", { name: "Save operation access rules" }).click();
  await expect(form.getByRole("status")).toContainText("Operation access rules saved");

  // GET /echo now answers to its own list only; GET /hello keeps the API's.
  await expect.poll(async () => (await call("echo", { "x-team": "red", "x-tier": "gold" })).status, { timeout: 15_000 }).toBe(200);
  const refused = await call("echo", { "x-team": "blue" });
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('"gold tier only"');
  expect((await call("hello", { "x-tier": "gold" })).status).toBe(403);
  expect((await call("hello", { "x-team": "blue" })).status).toBe(200);

  // Reloaded, the panel shows the saved rule.
  await page.reload();
  await page.getByRole("row").filter({ hasText: "/echo" }).getByRole("button", { name: "Rules" }).click();
  await expect(page.getByRole("form", { name: "Operation access rules" }).getByLabel("Rule 1 name")).toHaveValue("gold tier only");
});
