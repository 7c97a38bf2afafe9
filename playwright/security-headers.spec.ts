// Issue #12 in a real browser against the real console: security headers (and a CSP that the app
// and swagger-ui live with), CSRF from another port of the same host, the login open redirect,
// and the console server's answer to an oversized URL.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { consoleUrl, e2ePorts, storageStates } from "./support/e2e-env";
import { managementApi } from "./support/management-api";

/** Collects what Chromium reports about CSP violations and script errors on a page. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(err.message));
  return problems;
}

test.describe("security headers", () => {
  test.use({ storageState: storageStates.admin });

  for (const path of ["/console", "/portal/management-api"]) {
    test(`${path} sends CSP, framing, referrer and sniffing headers`, async ({ page }) => {
      const response = await page.goto(path);
      const headers = response!.headers();
      expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers).toMatchObject({ "x-frame-options": "DENY", "referrer-policy": "same-origin", "x-content-type-options": "nosniff" });
    });
  }

  test("the console and the portal's swagger-ui render with no CSP violation", async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto("/console/apis");
    await expect(page.getByRole("row", { name: /Demo Orders API/ })).toBeVisible();
    await page.goto("/portal/management-api");
    await expect(page.locator(".swagger-ui .opblock").first()).toBeVisible();
    await page.locator(".swagger-ui .opblock-summary").first().click();
    await expect(page.locator(".swagger-ui .opblock-body").first()).toBeVisible();
    expect(problems).toEqual([]);
  });
});

test.describe("cross-origin writes", () => {
  test.use({ storageState: storageStates.admin });
  let evil: Server;
  let evilOrigin: string;

  test.beforeAll(async () => {
    // Another port of the same host is same-site: the SameSite=Lax session cookie rides along.
    evil = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>evil</title>"));
    evil.listen(0, "127.0.0.1");
    await once(evil, "listening");
    evilOrigin = `http://localhost:${(evil.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => evil.close(() => resolve())));

  test("a page on another port cannot create a user with the admin's session", async ({ page }) => {
    const email = `csrf-${Date.now()}@example.test`;
    await page.goto(evilOrigin);
    const sent = await page.evaluate(
      async ({ target, email }) => {
        const body = JSON.stringify({ email, name: "Mallory", role: "platform_admin", password: "correct horse battery" });
        const res = await fetch(`${target}/api/v1/users`, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body });
        return res.type;
      },
      { target: consoleUrl, email },
    );
    expect(sent).toBe("opaque");
    const { items } = await managementApi<{ items: { email: string }[] }>(`/users?email=${encodeURIComponent(email)}`);
    expect(items.map((u) => u.email)).not.toContain(email);
  });
});

test.describe("login redirect", () => {
  const payload = `/login?callbackUrl=${encodeURIComponent(`/\t/127.0.0.1:${e2ePorts.demoBackend}/echo`)}`;

  test("a signed-in user sent to the payload stays on the console", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStates.admin });
    const page = await context.newPage();
    await page.goto(payload);
    await expect(page).toHaveURL(`${consoleUrl}/console`);
    await context.close();
  });

  test("signing in from the payload lands on the console", async ({ page }) => {
    await page.goto(payload);
    await page.getByLabel("Email").fill("admin@portcullis.local");
    await page.getByLabel("Password").fill("portcullis-admin");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${consoleUrl}/console`);
  });

  test("a newline in callbackUrl is refused, not a 500", async ({ page }) => {
    const response = await page.goto("/login?callbackUrl=/%0a");
    expect(response!.status()).toBe(200);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  });
});

test("the console answers a 100 KB URL with 414 and the JSON error shape", async () => {
  const socket = net.connect(e2ePorts.console, "127.0.0.1");
  await once(socket, "connect");
  let received = "";
  socket.on("data", (chunk) => (received += chunk.toString("latin1")));
  socket.on("error", () => undefined);
  socket.end(`GET /api/v1/apis?q=${"a".repeat(100 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
  await once(socket, "close");
  const [head = "", body = ""] = received.split("\r\n\r\n");
  expect(head).toMatch(/^HTTP\/1\.1 414 /);
  expect(JSON.parse(body).error.code).toBe("uri_too_long");
});
