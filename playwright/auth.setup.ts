// Signs in once per role through the real login page and saves the session.
import { expect, test as setup } from "@playwright/test";

import { storageStates } from "./support/e2e-env";

const logins = [
  { role: "admin", email: "admin@portcullis.local", password: "portcullis-admin", landing: /\/console/ },
  { role: "developer", email: "dev@portcullis.local", password: "portcullis-dev", landing: /\/portal/ },
] as const;

for (const login of logins) {
  setup(`sign in as ${login.role}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(login.email);
    await page.getByLabel("Password").fill(login.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(login.landing);
    await page.context().storageState({ path: storageStates[login.role] });
  });
}
