// How the gateway treats an API's backends: active health checks, passive
// ejection, retries, a circuit breaker per backend, timeouts and TLS. Absent
// fields take the defaults below, so an API without settings behaves as before
// (plus passive ejection and one retry, which only ever help).
//
// Two failure signals, on purpose kept apart:
// - passive ejection counts *connection* failures (refused, reset before an
//   answer, TLS handshake, connect timeout): the backend is unreachable. It is
//   re-admitted after `ejectSeconds`, or earlier by a passing active health check.
// - the circuit breaker counts *bad answers* (5xx, response timeout): the backend
//   is reachable but failing. Open for `openSeconds`, then half-open: a few trial
//   requests decide whether it closes again or reopens.
import { z } from "zod";
import { sealedSecretSchema } from "./sealed-secret-format.ts";

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** One or more PEM certificates; nothing else (a private key pasted by mistake is refused). */
export const pemCertificatesSchema = z
  .string()
  .max(200_000)
  .refine((pem) => PEM_CERTIFICATE.test(pem), "a PEM bundle (-----BEGIN CERTIFICATE-----)")
  .refine((pem) => !/PRIVATE KEY-----/.test(pem), "must not contain a private key");

export const healthCheckSchema = z.object({
  path: z
    .string()
    .max(500)
    .regex(/^\/[\x21-\x7E]*$/, "an absolute path, e.g. /healthz")
    .describe("Requested with GET on each backend, below the backend URL's own path"),
  intervalSeconds: z.number().int().min(1).max(300).default(10),
  timeoutMs: z.number().int().min(100).max(60_000).default(2000),
  healthyThreshold: z.number().int().min(1).max(20).default(2).describe("Passing checks in a row that make a backend healthy"),
  unhealthyThreshold: z.number().int().min(1).max(20).default(3).describe("Failing checks in a row that take it out"),
  expectedStatuses: z
    .array(z.number().int().min(100).max(599))
    .min(1)
    .max(50)
    .optional()
    .describe("Statuses that count as healthy; default 200-399"),
});

export const passiveEjectionSchema = z.object({
  consecutiveFailures: z.number().int().min(1).max(1000).default(5).describe("Connection failures in a row before ejection"),
  ejectSeconds: z.number().int().min(1).max(3600).default(30).describe("Cool-off before the backend is tried again"),
});

export const retrySchema = z.object({
  maxRetries: z
    .number()
    .int()
    .min(0)
    .max(5)
    .default(1)
    .describe("Idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) that fail to connect are sent to another backend, at most this many times"),
});

export const circuitBreakerSchema = z.object({
  failureThreshold: z.number().int().min(1).max(1000).default(5).describe("5xx answers or response timeouts in a row that open it"),
  openSeconds: z.number().int().min(1).max(3600).default(30).describe("How long it stays open before half-open trials"),
  halfOpenRequests: z.number().int().min(1).max(100).default(1).describe("Trial requests let through while half-open"),
});

export const backendTimeoutsSchema = z.object({
  connectMs: z.number().int().min(50).max(120_000).optional().describe("TCP (and TLS) connection setup; default the gateway's BACKEND_TIMEOUT_MS"),
  responseMs: z.number().int().min(50).max(600_000).optional().describe("Idle time waiting on the backend; default BACKEND_TIMEOUT_MS"),
});

export const backendTlsSchema = z.object({
  /** Absent: the system's CAs. Present: only these are trusted for this API's https backends. */
  caCertificates: pemCertificatesSchema.optional(),
  /** Presented to backends that ask for one (mTLS); needs `clientKey`. */
  clientCertificate: pemCertificatesSchema.optional(),
  /** The client certificate's private key, sealed for "backend-client-key": it never travels through Redis in clear. */
  clientKey: sealedSecretSchema.optional(),
});

export const backendSettingsSchema = z
  .object({
    /** null or absent: no active checks (passive ejection and the breaker still apply). */
    healthCheck: healthCheckSchema.nullable().optional(),
    passiveEjection: passiveEjectionSchema.nullable().optional(),
    retry: retrySchema.optional(),
    /** null or absent: no breaker. */
    circuitBreaker: circuitBreakerSchema.nullable().optional(),
    timeouts: backendTimeoutsSchema.optional(),
    tls: backendTlsSchema.optional(),
  })
  .refine((s) => (s.tls?.clientCertificate === undefined) === (s.tls?.clientKey === undefined), {
    path: ["tls", "clientKey"],
    message: "a client certificate and its key go together",
  });

/** When passive ejection is not configured at all (null switches it off). */
export const DEFAULT_PASSIVE_EJECTION = passiveEjectionSchema.parse({});
export const DEFAULT_RETRY = retrySchema.parse({});
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

export type BackendSettings = z.infer<typeof backendSettingsSchema>;
export type HealthCheck = z.infer<typeof healthCheckSchema>;
export type PassiveEjection = z.infer<typeof passiveEjectionSchema>;
export type CircuitBreakerSettings = z.infer<typeof circuitBreakerSchema>;
export type BackendTls = z.infer<typeof backendTlsSchema>;
