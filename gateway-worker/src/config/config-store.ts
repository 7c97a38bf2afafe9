// Holds the config requests are served from and decides whether a candidate
// replaces it. Every source (cold start, event, poll) goes through `offer`, so
// the rules live in one place: only valid, strictly newer snapshots win, and a
// bad one is logged while the old config keeps serving.
import type { Logger } from "pino";
import { gatewayConfigSnapshotSchema, type GatewayConfigSnapshot } from "../contract/config-snapshot.js";
import type { RuntimeConfig } from "./compile-config.js";

export type ConfigOrigin = "cold-start" | "event" | "poll" | "reconnect";
export type OfferResult = "applied" | "stale" | "invalid" | "unchanged";
/** The newest snapshot refused, reported in the gateway's registration so the console can show why. */
export interface RejectedSnapshot {
  version: number | null;
  error: string;
  at: string;
}

const MAX_LOGGED_ISSUES = 5;

export class ConfigStore {
  private current: RuntimeConfig | null = null;
  /** Last raw value looked at: the poll re-reads the same value every interval. */
  private lastRaw: string | null = null;
  private rejected: RejectedSnapshot | null = null;

  constructor(
    private readonly compile: (snapshot: GatewayConfigSnapshot) => RuntimeConfig,
    private readonly logger: Logger,
    /** Runs right after each swap (starts the new config's backend health checks). */
    private readonly onApplied?: (config: RuntimeConfig) => void,
  ) {}

  /** Read once per request; the object itself never changes afterwards. */
  get(): RuntimeConfig | null {
    return this.current;
  }

  version(): number | null {
    return this.current?.version ?? null;
  }

  lastRejected(): RejectedSnapshot | null {
    return this.rejected;
  }

  private reject(version: unknown, error: string): "invalid" {
    this.rejected = { version: typeof version === "number" ? version : null, error, at: new Date().toISOString() };
    return "invalid";
  }

  offer(raw: string, origin: ConfigOrigin): OfferResult {
    // Identical bytes were already applied or already refused (and logged once).
    if (raw === this.lastRaw) return "unchanged";
    this.lastRaw = raw;

    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      this.logger.error({ origin, err: (err as Error).message }, "config snapshot is not valid JSON; keeping current config");
      return this.reject(null, `not valid JSON: ${(err as Error).message}`);
    }
    const parsed = gatewayConfigSnapshotSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, MAX_LOGGED_ISSUES)
        .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
      this.logger.error({ origin, issues, currentVersion: this.version() }, "config snapshot failed validation; keeping current config");
      return this.reject((json as { version?: unknown } | null)?.version, `failed validation: ${issues.join("; ")}`);
    }
    const snapshot = parsed.data;
    const currentVersion = this.version();
    if (currentVersion !== null && snapshot.version <= currentVersion) {
      this.logger.debug({ origin, version: snapshot.version, currentVersion }, "ignoring config snapshot that is not newer");
      return "stale";
    }

    let compiled: RuntimeConfig;
    try {
      compiled = this.compile(snapshot);
    } catch (err) {
      this.logger.error({ origin, version: snapshot.version, err: (err as Error).message }, "config snapshot could not be compiled; keeping current config");
      return this.reject(snapshot.version, `could not be compiled: ${(err as Error).message}`);
    }
    // The swap: one assignment, so a request sees either the old or the new config, never a mix.
    this.current = compiled;
    this.onApplied?.(compiled);
    this.logger.info(
      { origin, version: compiled.version, previousVersion: currentVersion, apis: compiled.apiCount, subscriptions: snapshot.subscriptions.length },
      "config applied",
    );
    return "applied";
  }
}
