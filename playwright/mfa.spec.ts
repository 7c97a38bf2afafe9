// Second factors in a real browser: a passkey enrolled on the account page with Chromium's
// virtual authenticator (CDP WebAuthn domain) signs in after the password; an authenticator
// app enrolled from its key signs in with a code generated here (otplib).
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { managementApi } from "./support/management-api";

const PASSWORD = "mfa-e2e-password-1";

async function newViewer(tag: string) {
  const email = `mfa-${tag}-${Date.now()}@example.com`;
  await managementApi("/users", { method: "POST", body: JSON.stringify({ email, name: `MFA ${tag}`, role: "viewer", password: PASSWORD }) });
  return email;
}

async function passwordStep(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a passkey from the virtual authenticator is enrolled on the account page and signs in", async ({ page, context }) => {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  const email = await newViewer("passkey");
  await passwordStep(page, email);
  await expect(page).toHaveURL(/\/console/);

  await page.goto("/console/account");
  await page.getByRole("button", { name: "Add passkey" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  await expect(page.getByRole("table", { name: "Second factors" })).toContainText("passkey");

  await context.clearCookies();
  await passwordStep(page, email);
  await expect(page.getByRole("heading", { name: "Second factor" })).toBeVisible();
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(/\/console$/);
});

test("an authenticator app is enrolled from its key and signs in with a generated code", async ({ page, context }) => {
  const email = await newViewer("totp");
  await passwordStep(page, email);
  await expect(page).toHaveURL(/\/console/);

  await page.goto("/console/account");
  await page.getByRole("button", { name: "Add authenticator app" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("Code from the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);

  await context.clearCookies();
  await passwordStep(page, email);
  // The enrolment's code is spent: the next time step's code (within the accepted drift) signs in.
  const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
  await page.getByLabel(/Code from your authenticator app/).fill(next);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/console$/);
});
