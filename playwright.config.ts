import { defineConfig } from "@playwright/test";
import { consoleUrl, e2eEnv, e2ePorts } from "./playwright/support/e2e-env";

// End-to-end: the real console (next start), gateway and demo backend, driven
// in Debian's Chromium (no browser download on this kind of machine).
const serverEnv = { ...process.env, ...e2eEnv } as Record<string, string>;

export default defineConfig({
  testDir: "playwright",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: consoleUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "e2e", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: [
    {
      command: "node --import tsx demo-backend/server.ts",
      url: `http://127.0.0.1:${e2ePorts.demoBackend}/hello`,
      env: serverEnv,
      reuseExistingServer: false,
    },
    {
      // Prepare (fresh DB + seed) first, then serve: the console never sees a half-seeded database.
      command: `npx tsx playwright/support/prepare-environment.ts && node scripts/console-server.mjs ${e2ePorts.console}`,
      url: `${consoleUrl}/login`,
      env: serverEnv,
      timeout: 180_000,
      reuseExistingServer: false,
    },
    {
      // After the console (its prepare step makes the database); no port, so wait for its start line.
      command: "node --conditions=react-server --import tsx scripts/analytics-ingester.ts",
      wait: { stdout: /analytics ingester started/ },
      env: serverEnv,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      // Compiled by `npm run test:e2e` (npm run build -w gateway-worker), as in production.
      command: "node gateway-worker/dist/main.js",
      url: `http://127.0.0.1:${e2ePorts.gateway}/healthz`,
      // One process, so the Gateways page lists one instance (test/gateway-workers covers GATEWAY_WORKERS > 1).
      env: { ...serverEnv, GATEWAY_WORKERS: "1" },
      reuseExistingServer: false,
    },
  ],
});
