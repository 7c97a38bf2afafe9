// The only reader of process.env for the gateway. The gateway runs alone beside
// the services, so it has its own small environment, separate from the console's.
import os from "node:os";
import { z } from "zod";
import { MAX_ANALYTICS_BATCH } from "./contract/analytics-record.js";
import { parseTrustedProxy } from "./http/trusted-proxies.js";

const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().positive();

/** "10.0.0.0/8, 127.0.0.1" -> ["10.0.0.0/8", "127.0.0.1"]; every entry must be an IP or CIDR. */
const proxyList = z
  .string()
  .transform((list) => list.split(",").map((entry) => entry.trim()).filter((entry) => entry !== ""))
  .superRefine((entries, ctx) => {
    for (const entry of entries) {
      try {
        parseTrustedProxy(entry);
      } catch {
        ctx.addIssue({ code: "custom", message: `'${entry}' is not an IP address or CIDR range` });
      }
    }
  });

const gatewayEnvSchema = z
  .object({
  GATEWAY_PORT: port.default(8080),
  /** Processes serving GATEWAY_PORT (node:cluster), each with its own config subscription; 1: no cluster. */
  GATEWAY_WORKERS: z.coerce.number().int().min(1).max(256).default(os.availableParallelism()),
  GATEWAY_HOST: z.string().min(1).default("0.0.0.0"),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default("redis://127.0.0.1:6379"),
  /** Key prefix of the config channel in Redis; must match the console's. */
  CONFIG_CHANNEL_PREFIX: z.string().min(1).default("portcullis"),
  /** Safety-net poll of the latest snapshot, in case an event is missed while disconnected. */
  CONFIG_POLL_INTERVAL_MS: positiveMs.min(1000).default(30_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Idle time on a backend connection before the request is answered 504. */
  BACKEND_TIMEOUT_MS: positiveMs.default(30_000),
  /** A client must send its request headers within this time, and its whole request within the next (408). */
  GATEWAY_HEADERS_TIMEOUT_MS: positiveMs.default(10_000),
  GATEWAY_REQUEST_TIMEOUT_MS: positiveMs.default(30_000),
  /** Proxies (IPs or CIDRs) whose X-Forwarded-* / Forwarded headers are extended; anyone else's are replaced. */
  GATEWAY_TRUSTED_PROXIES: proxyList.default([]),
  /** Prometheus /metrics on its own port, on GATEWAY_HOST (0: any free port). Each gateway of a host needs its own. */
  GATEWAY_METRICS_PORT: port.default(9464),
  /** How often this gateway refreshes its registration in Redis (the console's Gateways page). */
  GATEWAY_HEARTBEAT_INTERVAL_MS: positiveMs.min(100).default(10_000),
  /** Its id in that registry; default host-pid-random, new at each start. */
  GATEWAY_INSTANCE_ID: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, "letters, digits, . _ : -").optional(),
  /** HTTPS beside GATEWAY_PORT, on GATEWAY_HOST; it listens once a certificate is known (these files or the console's). */
  GATEWAY_HTTPS_PORT: port.default(8443),
  /** PEM certificate chain (leaf first) and its unencrypted PEM key; a certificate set in the console replaces them. */
  GATEWAY_TLS_CERT_FILE: z.string().min(1).optional(),
  GATEWAY_TLS_KEY_FILE: z.string().min(1).optional(),
  /** Port in the https:// redirects of plain-HTTP requests, when a load balancer maps another (443 is left out). */
  GATEWAY_HTTPS_REDIRECT_PORT: port.optional(),
  /** 32 bytes, base64, the console's GATEWAY_SECRETS_KEY: opens the keys the snapshot carries sealed. */
  GATEWAY_SECRETS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded")
    .optional(),
  /** Record every answered request for the console's analytics (batches on the analytics queue in Redis). */
  ANALYTICS_ENABLED: z.stringbool().default(true),
  /** Records per batch, and the longest a batch waits after its first record. */
  ANALYTICS_BATCH_SIZE: z.coerce.number().int().min(1).max(MAX_ANALYTICS_BATCH).default(500),
  ANALYTICS_FLUSH_MS: positiveMs.max(60_000).default(1000),
  /** Records held at most while Redis is unreachable; beyond, the oldest are dropped and counted. */
  ANALYTICS_BUFFER_MAX: z.coerce.number().int().positive().max(10_000_000).default(50_000),
})
  .refine((env) => env.ANALYTICS_BUFFER_MAX >= env.ANALYTICS_BATCH_SIZE, {
    path: ["ANALYTICS_BUFFER_MAX"],
    message: "must be at least ANALYTICS_BATCH_SIZE",
  })
  .refine((env) => env.GATEWAY_HEADERS_TIMEOUT_MS <= env.GATEWAY_REQUEST_TIMEOUT_MS, {
    path: ["GATEWAY_HEADERS_TIMEOUT_MS"],
    message: "must not exceed GATEWAY_REQUEST_TIMEOUT_MS",
  })
  .refine((env) => Boolean(env.GATEWAY_TLS_CERT_FILE) === Boolean(env.GATEWAY_TLS_KEY_FILE), {
    path: ["GATEWAY_TLS_KEY_FILE"],
    message: "GATEWAY_TLS_CERT_FILE and GATEWAY_TLS_KEY_FILE go together: set both or neither",
  });

export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

/**
 * Parses the environment once at startup; a bad value stops the gateway with
 * a readable message rather than failing later at request time.
 * Empty strings count as unset, as `FOO= npx tsx ...` usually means "default".
 */
export function loadGatewayEnv(source: Record<string, string | undefined> = process.env): GatewayEnv {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = gatewayEnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid gateway environment: ${problems}`);
  }
  return parsed.data;
}
