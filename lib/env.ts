// The only reader of process.env for the console, management API, seed and
// scripts. Parsed lazily so `next build` does not need runtime secrets.
import "server-only";
import { z } from "zod";

// Development defaults: public, so a production server refuses to start with them.
const DEVELOPMENT_NEXTAUTH_SECRET = "portcullis-development-secret-change-me";
const DEVELOPMENT_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
const DEVELOPMENT_GATEWAY_SECRETS_KEY = Buffer.alloc(32, 9).toString("base64");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url().default("postgresql://postgres@127.0.0.1:5432/portcullis"),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  /** Key prefix for everything the config channel keeps in Redis; tests isolate by it. */
  CONFIG_CHANNEL_PREFIX: z.string().min(1).default("portcullis"),
  NEXTAUTH_URL: z.string().url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(16).default(DEVELOPMENT_NEXTAUTH_SECRET),
  /** Bootstraps the first management API token (Authorization: Bearer ...). */
  ADMIN_API_TOKEN: z.string().min(16).optional(),
  /** 32 bytes, base64: encrypts subscription keys at rest (AES-256-GCM). */
  SECRETS_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded")
    .default(DEVELOPMENT_ENCRYPTION_KEY),
  /**
   * 32 bytes, base64, the same on every gateway: seals the secrets the snapshot carries to them
   * (TLS private keys) so Redis never holds them in clear (gateway-worker/src/contract/sealed-secret.ts).
   */
  GATEWAY_SECRETS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded")
    .default(DEVELOPMENT_GATEWAY_SECRETS_KEY),
  /** Where developers reach the gateway; shown in the portal. */
  GATEWAY_PUBLIC_URL: z.string().url().default("http://localhost:8080"),
  /** Where the console itself reaches the gateway (the API test console); GATEWAY_PUBLIC_URL when unset. */
  GATEWAY_INTERNAL_URL: z.string().url().optional(),
  /**
   * Reverse proxies in front of the console (comma-separated IPs or CIDR ranges) whose
   * `x-forwarded-for` entries are skipped to find a sign-in's client address. Empty: the
   * right-most entry, which `next start` sets to the socket address when there is none.
   */
  TRUSTED_PROXIES: z.string().default(""),
  /** Batches one analytics ingester process works on at once (lib/analytics/ingest/). */
  ANALYTICS_INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * How long an ingester holds a batch before BullMQ may hand it to another (ms): a crashed
   * ingester's batch is redelivered after about this long. BullMQ's default is 30 s.
   */
  ANALYTICS_INGEST_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** The console's log threshold (pino levels), as the gateway's LOG_LEVEL is for the gateway. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Called when a production server starts: forgeable sessions or decryptable keys are not an option. */
export function assertProductionSecrets(current: Env = env()): void {
  if (current.NODE_ENV !== "production") return;
  const missing = [
    current.NEXTAUTH_SECRET === DEVELOPMENT_NEXTAUTH_SECRET && "NEXTAUTH_SECRET",
    current.SECRETS_ENCRYPTION_KEY === DEVELOPMENT_ENCRYPTION_KEY && "SECRETS_ENCRYPTION_KEY",
    current.GATEWAY_SECRETS_KEY === DEVELOPMENT_GATEWAY_SECRETS_KEY && "GATEWAY_SECRETS_KEY",
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(`Refusing to start in production with the public development value of ${missing.join(" and ")}; set them (npm start writes them into .env)`);
  }
}
