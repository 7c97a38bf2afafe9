// Holds the config requests are served from and decides whether a candidate
// replaces it. Every source (cold start, event, poll) goes through `offer` (a
// snapshot) or `offerDelta` (a delta), so the rules live in one place: a snapshot
// wins only if valid and strictly newer; a delta only if valid and exactly the
// next version; anything bad is logged while the old config keeps serving.
import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { gatewayConfigDeltaSchema, type GatewayConfigDelta } from "../contract/config-snapshot.js";
import type { GatewayTlsCertificate } from "../contract/api-tls.js";
import { applyDelta, applyDeltas, compileSnapshot, type CompiledConfig, type ConfigCompiler, type RuntimeConfig } from "./compile-config.js";
import { parseSnapshot, peekSnapshotVersion } from "./parse-snapshot.js";

export type ConfigOrigin = "cold-start" | "event" | "poll" | "reconnect" | "resync";
export type OfferResult = "applied" | "stale" | "invalid" | "unchanged";
/** "gap": the delta does not follow the served version (or nothing is served yet); the caller fetches what is missing. */
export type DeltaOfferResult = "applied" | "stale" | "invalid" | "gap";
/** The newest snapshot or delta refused, reported in the gateway's registration so the console can show why. */
export interface RejectedSnapshot {
  version: number | null;
  error: string;
  at: string;
}

export interface StoreCompiler extends ConfigCompiler {
  /** Called before the swap whenever the console's HTTPS certificate changes (and with the first config). */
  onGatewayTls?(tls: GatewayTlsCertificate | null | undefined): void;
}

const MAX_LOGGED_ISSUES = 5;

export class ConfigStore {
  private current: CompiledConfig | null = null;
  /** Digest of the last refused snapshot: the poll may read the same bad value every interval. */
  private rejectedDigest: string | null = null;
  private rejected: RejectedSnapshot | null = null;

  constructor(
    private readonly compiler: StoreCompiler,
    private readonly logger: Logger,
    /** Runs right after each swap that changes the backends (starts the new config's health checks). */
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

  private reject(version: number | null, error: string): "invalid" {
    this.rejected = { version, error, at: new Date().toISOString() };
    return "invalid";
  }

  /** A full snapshot (JSON as stored under latestKey). */
  offer(raw: string, origin: ConfigOrigin): OfferResult {
    const currentVersion = this.version();
    // Most reads find the snapshot already served (or older): decide before parsing megabytes.
    const peeked = peekSnapshotVersion(raw);
    if (peeked !== null && currentVersion !== null && peeked <= currentVersion) {
      this.logger.debug({ origin, version: peeked, currentVersion }, "ignoring config snapshot that is not newer");
      return "stale";
    }
    const digest = this.rejectedDigest === null ? null : createHash("sha1").update(raw).digest("base64");
    if (digest !== null && digest === this.rejectedDigest) return "unchanged"; // refused already, and logged once

    const parsed = parseSnapshot(raw);
    if (!parsed.ok) {
      this.rejectedDigest = digest ?? createHash("sha1").update(raw).digest("base64");
      if (parsed.error === "json") {
        this.logger.error({ origin, err: parsed.issues[0] }, "config snapshot is not valid JSON; keeping current config");
        return this.reject(null, `not valid JSON: ${parsed.issues[0]}`);
      }
      this.logger.error({ origin, issues: parsed.issues, currentVersion }, "config snapshot failed validation; keeping current config");
      return this.reject(parsed.version, `failed validation: ${parsed.issues.join("; ")}`);
    }
    const { shell, subscriptions } = parsed;
    if (currentVersion !== null && shell.version <= currentVersion) {
      this.logger.debug({ origin, version: shell.version, currentVersion }, "ignoring config snapshot that is not newer");
      return "stale";
    }

    let compiled: CompiledConfig;
    try {
      compiled = compileSnapshot(shell, subscriptions, this.compiler);
    } catch (err) {
      this.rejectedDigest = digest ?? createHash("sha1").update(raw).digest("base64");
      this.logger.error({ origin, version: shell.version, err: (err as Error).message }, "config snapshot could not be compiled; keeping current config");
      return this.reject(shell.version, `could not be compiled: ${(err as Error).message}`);
    }
    this.rejectedDigest = null;
    this.swap(compiled);
    this.logger.info(
      { origin, version: compiled.version, previousVersion: currentVersion, apis: compiled.apiCount, subscriptions: compiled.subscriptionCount },
      "config applied",
    );
    return "applied";
  }

  /**
   * A delta (its JSON, or already decoded). Applies only on top of the version it
   * follows, all or nothing; "invalid" means the caller should resync from the snapshot.
   */
  offerDelta(input: string | unknown, origin: ConfigOrigin): DeltaOfferResult {
    const currentVersion = this.version();
    let json: unknown = input;
    if (typeof input === "string") {
      try {
        json = JSON.parse(input);
      } catch (err) {
        this.logger.error({ origin, currentVersion, err: (err as Error).message }, "config delta is not valid JSON; keeping current config");
        return this.reject(null, `delta not valid JSON: ${(err as Error).message}`);
      }
    }
    const declared = (json as { version?: unknown } | null)?.version;
    // Cheap checks first: an old delta is dropped whatever it holds.
    if (typeof declared === "number" && currentVersion !== null && declared <= currentVersion) return "stale";
    const parsed = gatewayConfigDeltaSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, MAX_LOGGED_ISSUES).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
      this.logger.error({ origin, issues, currentVersion }, "config delta failed validation; keeping current config");
      return this.reject(typeof declared === "number" ? declared : null, `delta failed validation: ${issues.join("; ")}`);
    }
    const delta: GatewayConfigDelta = parsed.data;
    if (this.current === null || delta.version > this.current.version + 1) return "gap";

    let compiled: CompiledConfig;
    try {
      compiled = applyDelta(this.current, delta, this.compiler);
    } catch (err) {
      this.logger.error({ origin, version: delta.version, currentVersion, err: (err as Error).message }, "config delta could not be applied; keeping current config");
      return this.reject(delta.version, `delta could not be applied: ${(err as Error).message}`);
    }
    this.swap(compiled);
    this.logger.info(
      { origin, version: compiled.version, previousVersion: currentVersion, delta: delta.changes.map((c) => c.kind), reason: delta.reason },
      "config applied",
    );
    return "applied";
  }

  /**
   * Deltas held in order from the next version (a catch-up): applied in one pass when each is
   * valid and they follow one another, so every API they touch is prepared once; otherwise
   * (or if the pass fails) one by one, so the one that cannot apply is refused and named
   * exactly as offerDelta does. The result is that of the last delta offered.
   */
  offerDeltas(raws: readonly string[], origin: ConfigOrigin): DeltaOfferResult {
    const base = this.current;
    if (raws.length > 1 && base !== null) {
      const deltas: GatewayConfigDelta[] = [];
      for (const raw of raws) {
        const parsed = parseDelta(raw);
        if (!parsed || parsed.version !== base.version + deltas.length + 1) break;
        deltas.push(parsed);
      }
      if (deltas.length === raws.length) {
        try {
          const compiled = applyDeltas(base, deltas, this.compiler);
          this.swap(compiled);
          this.logger.info({ origin, version: compiled.version, previousVersion: base.version, deltas: deltas.length }, "config applied");
          return "applied";
        } catch {
          // one by one below: the delta at fault is refused and logged on its own
        }
      }
    }
    for (const raw of raws) {
      const result = this.offerDelta(raw, origin);
      if (result !== "applied") return result;
    }
    return "applied";
  }

  private swap(next: CompiledConfig): void {
    const previous = this.current;
    if (!previous || next.gatewayTls !== previous.gatewayTls) this.compiler.onGatewayTls?.(next.gatewayTls);
    // The swap: one assignment, so a request sees either the old or the new config, never a mix.
    this.current = next;
    if (!previous || next.backendPools !== previous.backendPools) this.onApplied?.(next);
  }
}

/** A delta's JSON checked against the contract, or null (offerDelta then says why). */
function parseDelta(raw: string): GatewayConfigDelta | null {
  try {
    const parsed = gatewayConfigDeltaSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
