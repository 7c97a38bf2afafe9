// Active health check of one backend: GET <backend URL><path> every interval,
// one probe at a time, its verdict fed to the backend's health. A probe that
// errors or times out counts as failed; nothing here may throw into the loop.
import http, { type Agent } from "node:http";
import https from "node:https";
import type { Logger } from "pino";
import type { HealthCheck } from "../contract/backend-settings.js";
import type { BackendHealth } from "./backend-health.js";

const DEFAULT_HEALTHY = (status: number) => status >= 200 && status < 400;

export class HealthChecker {
  private timer: NodeJS.Timeout | undefined;
  private probe: http.ClientRequest | undefined;

  constructor(
    private readonly health: BackendHealth,
    readonly check: HealthCheck,
    private readonly agents: { http: Agent; https: Agent },
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.run(), this.check.intervalSeconds * 1000);
    this.timer.unref(); // never keeps a closing gateway alive
    this.run();
  }

  stop(): void {
    clearInterval(this.timer);
    this.probe?.destroy();
    this.probe = undefined;
  }

  private run(): void {
    if (this.probe) return; // the previous probe is still out: its timeout will decide
    const { backend } = this.health;
    const https_ = backend.protocol === "https:";
    const client = https_ ? https : http;
    const url = `${backend.origin}${backend.basePath}${this.check.path}`;
    const healthy = this.check.expectedStatuses ? (s: number) => this.check.expectedStatuses!.includes(s) : DEFAULT_HEALTHY;
    let done = false;
    const verdict = (passed: boolean, detail: string) => {
      if (done) return;
      done = true;
      this.probe = undefined;
      const wasAccepting = !this.health.describe(Date.now()).activeDown;
      this.health.checked(passed, this.check);
      const nowAccepting = !this.health.describe(Date.now()).activeDown;
      if (wasAccepting !== nowAccepting) {
        this.logger.warn({ backend: backend.origin, healthy: nowAccepting, detail }, "backend health changed (active check)");
      }
    };
    const probe = client.get(url, { agent: https_ ? this.agents.https : this.agents.http, timeout: this.check.timeoutMs }, (res) => {
      res.resume(); // the body is not needed; drain it so the connection is reused
      verdict(healthy(res.statusCode ?? 0), `status ${res.statusCode}`);
    });
    probe.on("timeout", () => probe.destroy(new Error("health check timed out")));
    probe.on("error", (err: NodeJS.ErrnoException) => verdict(false, err.code ?? err.message));
    this.probe = probe;
  }
}
