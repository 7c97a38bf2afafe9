// An API's backends as one config serves them: the weighted rotation over the
// backends that accept requests now, and the settings a forward needs (retries,
// timeouts, the agent that carries this API's TLS trust and client certificate).
// Built at compile time from health state the registry keeps across swaps.
import type { Agent } from "node:http";
import {
  DEFAULT_PASSIVE_EJECTION,
  DEFAULT_RETRY,
  type BackendSettings,
} from "../contract/backend-settings.js";
import type { CompiledBackend } from "./compiled-backend.js";
import { WeightedRoundRobin } from "../routing/weighted-round-robin.js";
import type { Attempt, BackendHealth, HealthRules } from "./backend-health.js";

export interface PoolTimeouts {
  readonly connectMs: number;
  readonly responseMs: number;
}

export class BackendPool {
  readonly rules: HealthRules;
  readonly maxRetries: number;
  readonly timeouts: PoolTimeouts;
  private readonly rotation: WeightedRoundRobin<BackendHealth>;

  constructor(
    readonly apiId: string,
    members: readonly { health: BackendHealth; weight: number }[],
    settings: BackendSettings | undefined,
    defaultTimeoutMs: number,
    /** https agent for this API (its CA bundle and client certificate), or the shared one. */
    readonly httpsAgent: Agent,
    /** Set when this API's backend TLS cannot be used (e.g. a client key sealed under another key): its https backends get 502. */
    readonly tlsProblem?: string,
  ) {
    this.rotation = new WeightedRoundRobin(members.map(({ health, weight }) => ({ item: health, weight })));
    this.rules = {
      passiveEjection: settings?.passiveEjection === undefined ? DEFAULT_PASSIVE_EJECTION : settings.passiveEjection,
      circuitBreaker: settings?.circuitBreaker ?? null,
      healthCheck: settings?.healthCheck ?? null,
    };
    this.maxRetries = (settings?.retry ?? DEFAULT_RETRY).maxRetries;
    this.timeouts = {
      connectMs: settings?.timeouts?.connectMs ?? defaultTimeoutMs,
      responseMs: settings?.timeouts?.responseMs ?? defaultTimeoutMs,
    };
  }

  get members(): readonly BackendHealth[] {
    return this.rotation.items;
  }

  /** The next backend by weight among those accepting requests and not in `tried`; undefined when none is left. */
  next(now: number, tried: ReadonlySet<BackendHealth> = new Set()): Attempt | undefined {
    const health = this.rotation.pickWhere((h) => !tried.has(h) && h.accepts(now, this.rules));
    return health?.begin(now, this.rules);
  }

  /** For WebSocket upgrades, which are not retried: just the next accepting backend. */
  pick(now = Date.now()): CompiledBackend | undefined {
    const attempt = this.next(now);
    if (attempt) attempt.health.abandoned(attempt); // an upgrade's outcome is not fed back
    return attempt?.health.backend;
  }
}
