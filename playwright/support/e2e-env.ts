// The isolated environment the end-to-end suite runs in: own database, own
// Redis prefix, own ports, so it never touches a developer's `npm start`.
export const e2ePorts = { console: 3210, gateway: 8210, gatewayMetrics: 9210, demoBackend: 4210 } as const;

export const e2eAdminToken = "e2e-admin-token-0123456789abcdef";

export const e2eEnv: Record<string, string> = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/portcullis_e2e",
  REDIS_URL: "redis://127.0.0.1:6379",
  CONFIG_CHANNEL_PREFIX: "portcullis-e2e",
  NEXTAUTH_URL: `http://localhost:${e2ePorts.console}`,
  NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789abcdef",
  SECRETS_ENCRYPTION_KEY: Buffer.alloc(32, 42).toString("base64"),
  // Console and gateway share it: the snapshot's sealed keys (gateway TLS, backend client keys).
  GATEWAY_SECRETS_KEY: Buffer.alloc(32, 43).toString("base64"),
  ADMIN_API_TOKEN: e2eAdminToken,
  GATEWAY_PUBLIC_URL: `http://localhost:${e2ePorts.gateway}`,
  GATEWAY_PORT: String(e2ePorts.gateway),
  // Its own, so the suite runs beside a developer's `npm start` (which takes 9464).
  GATEWAY_METRICS_PORT: String(e2ePorts.gatewayMetrics),
  DEMO_BACKEND_PORT: String(e2ePorts.demoBackend),
  CONFIG_POLL_INTERVAL_MS: "2000",
};

export const consoleUrl = `http://localhost:${e2ePorts.console}`;
export const gatewayUrl = `http://127.0.0.1:${e2ePorts.gateway}`;

/** Saved sessions, written by auth.setup.ts. */
export const storageStates = { admin: "playwright/.auth/admin.json", developer: "playwright/.auth/developer.json" } as const;
