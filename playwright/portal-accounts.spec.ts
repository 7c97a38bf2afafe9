// Developer accounts in the portal (issue #19): a visitor signs up (open mode), signs in, changes
// the password and deletes the account; with sign-up by approval the account waits until an
// admin approves it on the console's Users page.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { confirmWith } from "./support/confirm-dialog";
import { storageStates } from "./support/e2e-env";
import { managementApi } from "./support/management-api";

const setSignUpMode = (signUpMode: "open" | "approval" | "invitation") =>
  managementApi("/settings", { method: "PATCH", body: JSON.stringify({ portal: { signUpMode } }) });

const uniqueEmail = (tag: string) => `${tag}-${Date.now().toString(36)}@example.test`;

async function signUp(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Create a developer account" }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("New Developer");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function visitor(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test.afterAll(async () => {
  await setSignUpMode("open");
});

test("a visitor signs up, signs in, changes the password and deletes the account", async ({ browser }) => {
  test.setTimeout(120_000);
  await setSignUpMode("open");
  const { context, page } = await visitor(browser);
  const email = uniqueEmail("open");
  const first = "a-first-password-1";
  const second = "a-second-password-2";

  // A short password is said under its field, before anything is sent.
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("New Developer");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("must be at least 12 characters").first()).toBeVisible();

  await signUp(page, email, first);
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, email, first);
  await expect(page).toHaveURL(/\/portal/);
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await expect(page).toHaveURL(/\/portal\/account$/);

  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not-my-password");
  await form.getByLabel("New password").fill(second);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("This is not your current password")).toBeVisible();
  await form.getByLabel("Current password").fill(first);
  await form.getByLabel("New password").fill(second);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Other sessions have been signed out.")).toBeVisible();
  // This browser stays signed in.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, first);
  await expect(page.getByText("Invalid email or password")).toBeVisible();
  await signIn(page, email, second);
  await expect(page).toHaveURL(/\/portal/);

  await page.goto("/portal/account");
  await page.getByRole("button", { name: "Delete account" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("subscriptions are cancelled");
  await confirmWith(page, "Yes, delete my account");
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, second);
  await expect(page.getByText("Invalid email or password")).toBeVisible();
  await context.close();
});

test("with sign-up by approval, the account waits until an admin approves it", async ({ browser }) => {
  test.setTimeout(120_000);
  await setSignUpMode("approval");
  const { context, page } = await visitor(browser);
  const email = uniqueEmail("approval");
  const password = "an-approval-password-1";

  await signUp(page, email, password);
  await expect(page.getByRole("status")).toContainText("waits for an administrator's approval");
  await signIn(page, email, password);
  await expect(page.locator(".error-banner")).toContainText("waiting for an administrator's approval");

  const admin = await browser.newContext({ storageState: storageStates.admin });
  const console = await admin.newPage();
  await console.goto("/console/users");
  await console.getByLabel("Search users").fill(email);
  await console.getByLabel("Search users").press("Enter");
  const row = console.getByRole("row", { name: new RegExp(email) });
  await expect(row.getByText("awaiting approval")).toBeVisible();
  await row.getByRole("button", { name: `Approve ${email}` }).click();
  await expect(row.getByText("active", { exact: true })).toBeVisible();
  await admin.close();

  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/portal/);
  await context.close();
});
