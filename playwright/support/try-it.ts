// Try-it in the portal's API reference (swagger-ui): open an operation, "Try it out", "Execute",
// and read the live response. `until200` executes again until the gateway answers 200 (a new key
// or API reaches the gateway a moment after it is made).
import { expect, type Locator } from "@playwright/test";

export async function tryItOperation(reference: Locator, path: string, { until200 = false } = {}) {
  const operation = reference.locator(".opblock").filter({ hasText: path });
  await operation.locator(".opblock-summary-control").click();
  await operation.getByRole("button", { name: "Try it out" }).click();
  const execute = operation.getByRole("button", { name: "Execute" });
  const status = operation.locator(".live-responses-table tr.response .response-col_status").first();
  if (until200) {
    await expect(async () => {
      await execute.click();
      await expect(status).toHaveText("200", { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  } else {
    await execute.click();
    // "200", or "403 Undocumented" for a status the document does not list.
    await expect(status).toHaveText(/^\d{3}\b/);
  }
  return { status: (await status.innerText()).trim().slice(0, 3), response: operation.locator(".live-responses-table") };
}
