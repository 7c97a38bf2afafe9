// What the gateway knows about one backend of one API, kept across config swaps
// while the API keeps that URL: passive ejection (connection failures), the
// active health check's verdict, and the circuit breaker (bad answers). See
// contract/backend-settings.ts for why the two failure signals stay apart.
// Synchronous and single-threaded: every method runs to completion on Node's loop.
import type { CircuitBreakerSettings, HealthCheck, PassiveEjection } from "../contract/backend-settings.js";
import type { CompiledBackend } from "./compiled-backend.js";

export type BreakerState = "closed" | "open" | "half-open";

/** The rules in force for this backend, from its API's current settings. */
export interface HealthRules {
  readonly passiveEjection: PassiveEjection | null;
  readonly circuitBreaker: CircuitBreakerSettings | null;
  readonly healthCheck: HealthCheck | null;
}

/** One request's use of the backend; `trial` when it was let through a half-open breaker. */
export interface Attempt {
  readonly health: BackendHealth;
  readonly trial: boolean;
  settled: boolean;
}

export class BackendHealth {
  private connectFailures = 0;
  private ejectedUntil = 0;
  private activeDown = false;
  private checkPasses = 0;
  private checkFailures = 0;
  private breaker: BreakerState = "closed";
  private badAnswers = 0;
  private openUntil = 0;
  private trialsInFlight = 0;

  constructor(
    readonly key: string,
    readonly backend: CompiledBackend,
  ) {}

  breakerState(now: number): BreakerState {
    return this.breaker === "open" && now >= this.openUntil ? "half-open" : this.breaker;
  }

  /** May a request go here now? No side effects: the rotation asks every backend. */
  accepts(now: number, rules: HealthRules): boolean {
    if (rules.healthCheck && this.activeDown) return false;
    if (rules.passiveEjection && now < this.ejectedUntil) return false;
    if (!rules.circuitBreaker) return true;
    const state = this.breakerState(now);
    return state === "closed" || (state === "half-open" && this.trialsInFlight < rules.circuitBreaker.halfOpenRequests);
  }

  begin(now: number, rules: HealthRules): Attempt {
    const trial = rules.circuitBreaker !== null && this.breakerState(now) === "half-open";
    if (trial) {
      this.breaker = "half-open";
      this.trialsInFlight++;
    }
    return { health: this, trial, settled: false };
  }

  /** The backend answered below 500. */
  succeeded(attempt: Attempt): void {
    if (!this.settle(attempt)) return;
    this.connectFailures = 0;
    this.badAnswers = 0;
    if (attempt.trial || this.breaker === "half-open") this.breaker = "closed";
  }

  /** Refused, reset before answering, TLS handshake failed, connect timeout. */
  failedToConnect(attempt: Attempt, now: number, rules: HealthRules): void {
    if (!this.settle(attempt)) return;
    this.connectFailures++;
    const ejection = rules.passiveEjection;
    // Past the threshold every further failure ejects again: a re-admitted backend that still fails goes straight back out.
    if (ejection && this.connectFailures >= ejection.consecutiveFailures) this.ejectedUntil = now + ejection.ejectSeconds * 1000;
    if (attempt.trial) this.open(now, rules);
  }

  /** A 5xx answer or a response timeout. */
  answeredBadly(attempt: Attempt, now: number, rules: HealthRules): void {
    if (!this.settle(attempt)) return;
    this.connectFailures = 0; // it was reachable
    this.badAnswers++;
    const breaker = rules.circuitBreaker;
    if (breaker && (attempt.trial || this.badAnswers >= breaker.failureThreshold)) this.open(now, rules);
  }

  /** The client went away: the attempt says nothing about the backend. */
  abandoned(attempt: Attempt): void {
    this.settle(attempt);
  }

  /** An active health check's outcome. */
  checked(passed: boolean, check: HealthCheck): void {
    if (passed) {
      this.checkFailures = 0;
      this.checkPasses++;
      if (this.checkPasses >= check.healthyThreshold) {
        // Reachable and healthy again: re-admitted before its passive cool-off ends.
        this.activeDown = false;
        this.ejectedUntil = 0;
        this.connectFailures = 0;
      }
    } else {
      this.checkPasses = 0;
      this.checkFailures++;
      if (this.checkFailures >= check.unhealthyThreshold) this.activeDown = true;
    }
  }

  /** For logs: why the backend is out, if it is. */
  describe(now: number): { activeDown: boolean; ejected: boolean; breaker: BreakerState } {
    return { activeDown: this.activeDown, ejected: now < this.ejectedUntil, breaker: this.breakerState(now) };
  }

  private open(now: number, rules: HealthRules): void {
    if (!rules.circuitBreaker) return;
    this.breaker = "open";
    this.openUntil = now + rules.circuitBreaker.openSeconds * 1000;
    this.badAnswers = 0;
  }

  private settle(attempt: Attempt): boolean {
    if (attempt.settled) return false;
    attempt.settled = true;
    if (attempt.trial) this.trialsInFlight = Math.max(0, this.trialsInFlight - 1);
    return true;
  }
}
