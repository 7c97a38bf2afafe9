// Brute force against the real login page: after five wrong passwords the form says how long
// to wait instead of checking more. An unknown email is throttled exactly like a real one,
// so this spends no seeded account (and reveals nothing about which accounts exist).
import { expect, test } from "@playwright/test";

test("the login form tells a guesser to wait after five failures", async ({ page }) => {
  const email = `guesser-${Date.now()}@example.com`;
  await page.goto("/login");
  // The form's banner, not Next's route announcer (also role="alert").
  const banner = page.locator("form").getByRole("alert");
  const attempt = async () => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    // One answer per attempt, so the count is exact even though the banner text repeats.
    const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Sign in" }).click();
    return (await answered).status();
  };

  for (let i = 0; i < 5; i++) {
    expect(await attempt()).toBe(401);
    await expect(banner).toHaveText("Invalid email or password");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  expect(await attempt()).toBe(429);
  await expect(banner).toHaveText(/^Too many sign-in attempts; try again in \d+ s\.$/);
  await expect(page).toHaveURL(/\/login/);
});
