// An admin sets an API's rate limit in the console; the running gateway enforces
// it at once: calls answer RateLimit-Policy/RateLimit (parsed as Structured
// Fields), and the call past the limit gets 429 rate_limited with Retry-After.
import { expect, test } from "@playwright/test";
import { parseList, type Item } from "structured-headers";
import { gatewayUrl, storageStates } from "./support/e2e-env";
import { publishDemoApi, subscribeToNewProduct } from "./support/management-api";

test.use({ storageState: storageStates.admin });

const items = (header: string | undefined) =>
  Object.fromEntries((parseList(header ?? "") as Item[]).map(([name, params]) => [String(name), Object.fromEntries(params)]));

test("an admin's rate limit is enforced by the gateway with RateLimit headers", async ({ page, request }) => {
  const { api, path } = await publishDemoApi("Limited", "limited");
  const { key } = await subscribeToNewProduct(`Limited ${path}`, api.id);
  const call = () => request.get(`${gatewayUrl}/${path}/hello`, { headers: { "Ocp-Apim-Subscription-Key": key } });
  await expect.poll(async () => (await call()).status(), { timeout: 15_000 }).toBe(200);

  await page.goto(`/console/apis/${api.id}`);
  const limits = page.getByRole("form", { name: "Rate limit and quota" });
  await limits.getByLabel("Calls", { exact: true }).fill("3");
  await limits.getByLabel("Per seconds").fill("60");
  await limits.getByRole("button", { name: "Save limits" }).click();
  await expect(limits.getByRole("status")).toContainText("Limits saved");

  // The gateway picks the change up over the config channel.
  await expect.poll(async () => items((await call()).headers()["ratelimit-policy"])["api-rate"], { timeout: 15_000 }).toEqual({ q: 3, w: 60 });
  let answer = await call();
  for (let i = 0; i < 5 && answer.status() === 200; i++) answer = await call();
  expect(answer.status()).toBe(429);
  expect((await answer.json()).error.code).toBe("rate_limited");
  expect(Number(answer.headers()["retry-after"])).toBeGreaterThan(0);
  expect(items(answer.headers()["ratelimit"])["api-rate"].r).toBe(0);
});
