// Whole tasks on one page (issue #18): a product created with its limits, quota, terms and
// approval in one form; its page listing every subscriber with state, owner and usage, each
// name a link (subscription, user), and a user's page listing theirs; refusals said under the
// field they concern; publishing an API showing its way to the running gateways.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { e2ePorts, storageStates } from "./support/e2e-env";
import { managementApi, publishDemoApi } from "./support/management-api";

test.use({ storageState: storageStates.admin });

const stamp = () => Date.now().toString(36);

/** A console card, by its heading. */
const card = (page: Page, title: string) => page.locator("section", { has: page.getByRole("heading", { name: title, exact: true }) });

test("a product is created with its limits, quota, terms and approval, and its page lists its subscribers with links", async ({ page }) => {
  const { api } = await publishDemoApi("Tasks", "e2e-tasks");
  const name = `e2e-product-${stamp()}`;

  await page.goto("/console/products");
  const form = card(page, "Create product");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Terms").fill("Be nice to the backend.");
  await form.getByLabel("Find APIs").fill(api.name);
  await form.getByLabel(api.name).check();
  await form.getByLabel("Approval required").check();
  await form.getByLabel("Rate limit calls").fill("30");
  await form.getByLabel("Rate limit period (seconds)").fill("60");
  await form.getByLabel("Quota calls").fill("500");
  await form.getByLabel("Quota period").selectOption("day");
  await form.getByRole("button", { name: "Create product" }).click();
  await form.getByRole("link", { name }).click();

  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const subscribers = card(page, "Subscribers");
  await expect(subscribers.getByRole("list", { name: "Limits in force" })).toContainText("Rate limit: 30 calls per 60 s");
  await expect(subscribers.getByRole("list", { name: "Limits in force" })).toContainText("Quota: 500 calls per UTC day");
  const stored = await managementApi<{ id: string; approvalRequired: boolean; terms: string; rateLimit: unknown; quota: unknown }>(
    `/products/${page.url().split("/").pop()}`,
  );
  expect(stored).toMatchObject({ approvalRequired: true, terms: "Be nice to the backend.", rateLimit: { calls: 30, periodSeconds: 60 }, quota: { calls: 500, period: "day" } });

  // An admin subscribes the demo developer (an admin's own request needs no approval); the list shows
  // it with its owner, its state and the usage the gateways count now.
  const { items: developers } = await managementApi<{ items: { id: string; email: string }[] }>("/users?search=dev%40portcullis.local");
  const developer = developers.find((u) => u.email === "dev@portcullis.local");
  if (!developer) throw new Error("the seed's developer is missing");
  const subName = `e2e-subscriber-${stamp()}`;
  await managementApi("/subscriptions", { method: "POST", body: JSON.stringify({ productId: stored.id, name: subName, userId: developer.id }) });
  await page.reload();
  const row = subscribers.getByRole("row", { name: new RegExp(subName) });
  await expect(row).toContainText("active");
  await expect(row).toContainText("30/30 left per 60 s · 0/500 calls this day");

  await subscribers.getByLabel("State").selectOption("submitted");
  await expect(subscribers.getByRole("row", { name: new RegExp(subName) })).toHaveCount(0);
  await subscribers.getByLabel("State").selectOption("");

  // The owner's name leads to their page, which lists this subscription with its product.
  await row.getByRole("link").nth(1).click(); // the first is the subscription's own name
  await expect(page).toHaveURL(new RegExp(`/console/users/${developer.id}$`));
  await expect(page).toHaveTitle(/dev@portcullis.local · Users · Portcullis/);
  const theirs = card(page, "Subscriptions");
  const theirRow = theirs.getByRole("row", { name: new RegExp(subName) });
  await expect(theirRow.getByRole("link", { name })).toBeVisible();
  await theirRow.getByRole("link", { name: subName }).click();
  await expect(page.getByRole("heading", { name: subName, level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name })).toBeVisible();
});

test("the users table links each email to the user's page, with the role and actions there", async ({ page }) => {
  const email = `e2e-linked-${stamp()}@example.test`;
  const created = await managementApi<{ id: string }>("/users", { method: "POST", body: JSON.stringify({ email, name: "Linked User", role: "viewer", password: "linked-user-password-1" }) });
  await page.goto("/console/users");
  await page.getByLabel("Search users").fill(email);
  await page.getByRole("link", { name: email }).click();
  await expect(page).toHaveURL(new RegExp(`/console/users/${created.id}$`));
  await expect(page.getByRole("heading", { name: "Linked User", level: 1 })).toBeVisible();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("viewer");
  await expect(page.getByRole("button", { name: `Disable ${email}` })).toBeVisible();
  await expect(card(page, "Subscriptions")).toContainText("None.");
});

test("a refused backend URL is said under its own field, and so is a rule's", async ({ page }) => {
  const { api } = await publishDemoApi("Field errors", "e2e-field-errors");
  await page.goto(`/console/apis/${api.id}`);
  const backends = page.getByRole("form", { name: "Backend settings" });
  await backends.getByLabel("Backend 1 URL").fill("not a url");
  await backends.getByRole("button", { name: "Save backends" }).click();
  const url = backends.getByLabel("Backend 1 URL");
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription(/url/i);

  const rules = page.getByRole("form", { name: "Request rules" });
  await rules.getByLabel("Allow", { exact: true }).fill("not-an-ip");
  await rules.getByRole("button", { name: /Save/ }).click();
  await expect(rules.getByLabel("Allow", { exact: true })).toHaveAttribute("aria-invalid", "true");
});

test("publishing an API shows its progress until the running gateway serves it", async ({ page }) => {
  const path = `e2e-rollout-${stamp()}`;
  const api = await managementApi<{ id: string; name: string }>("/apis", {
    method: "POST",
    body: JSON.stringify({
      name: `Rollout ${path}`,
      path,
      backendUrl: `http://127.0.0.1:${e2ePorts.demoBackend}`,
      spec: readFileSync("demo-backend/openapi.yaml", "utf8"),
      lifecycle: "draft",
    }),
  });
  await page.goto(`/console/apis/${api.id}`);
  const lifecycle = card(page, "Lifecycle");
  await lifecycle.getByRole("button", { name: "Publish" }).click();
  // The heartbeat that reports the new version comes within 10 s.
  await expect(lifecycle.getByRole("status")).toContainText("Served by the running gateway", { timeout: 25_000 });
  await expect(lifecycle.getByRole("status").getByRole("progressbar")).toHaveAttribute("value", "1");
});
