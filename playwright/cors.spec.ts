// CORS at the gateway, as a browser meets it: an admin lists an origin in the
// API's request rules in the console; a page on that origin then calls the API
// through the gateway with a custom header (so Chromium sends a preflight) and
// reads the answer and its exposed headers; a page on another origin cannot.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { gatewayUrl, storageStates } from "./support/e2e-env";
import { publishDemoApi, subscribeToNewProduct } from "./support/management-api";

test.use({ storageState: storageStates.admin });

let site: http.Server;
let port: number;

test.beforeAll(async () => {
  // A page to fetch from: the same server answers as http://127.0.0.1:<port> and as http://localhost:<port>, two origins.
  site = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>app</title>"));
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  port = (site.address() as AddressInfo).port;
});
test.afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

test("a page on an allowed origin calls the API through the gateway with a custom header; others are refused", async ({ page, browser }) => {
  const { api, path } = await publishDemoApi("CORS", "cors");
  const { key } = await subscribeToNewProduct(`CORS ${path}`, api.id);

  const allowed = `http://127.0.0.1:${port}`;
  await page.goto(`/console/apis/${api.id}`);
  const rules = page.getByRole("form", { name: "Request rules" });
  await rules.getByLabel("Allowed origins").fill(allowed);
  await rules.getByRole("button", { name: "Save rules" }).click();
  await expect(rules.getByRole("status")).toContainText("Rules saved");

  const callFrom = async (origin: string) => {
    const app = await browser.newPage();
    await app.goto(`${origin}/`);
    const outcome = await app.evaluate(
      async ({ url, key }) => {
        try {
          const res = await fetch(url, { headers: { "Ocp-Apim-Subscription-Key": key, "X-Custom": "from-the-page" } });
          return { status: res.status, requestId: res.headers.get("x-request-id"), body: await res.json() };
        } catch (err) {
          return { failed: String(err) };
        }
      },
      { url: `${gatewayUrl}/${path}/echo`, key },
    );
    await app.close();
    return outcome;
  };

  // The gateway picks the rule up over the config channel; then the preflight passes and the page reads the answer.
  await expect.poll(async () => ("status" in (await callFrom(allowed)) ? "ok" : "blocked"), { timeout: 15_000 }).toBe("ok");
  const answer = await callFrom(allowed);
  expect(answer).toMatchObject({ status: 200, body: { headers: { "x-custom": "from-the-page" } } });
  expect("requestId" in answer && answer.requestId).toMatch(/^[0-9a-f-]{36}$/); // exposed to the page

  // Same page, other origin: the preflight is refused and the browser never sends the call.
  const refused = await callFrom(`http://localhost:${port}`);
  expect(refused).toMatchObject({ failed: expect.stringContaining("TypeError") });
});
