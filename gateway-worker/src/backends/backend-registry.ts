// Lives as long as the gateway, across config swaps: the health of every backend
// (keyed by API and URL, so an API that keeps a URL keeps its ejections, breaker
// and check streaks), the active health checkers, and the connection agents.
// compileConfig asks for pools (no timers started, a refused snapshot changes
// nothing that serves); once a config is swapped in, activate() starts the
// checkers it needs and stops and forgets everything it no longer uses.
import http from "node:http";
import https from "node:https";
import type { Logger } from "pino";
import type { GatewayApi } from "../contract/config-snapshot.js";
import { compileBackend } from "./compiled-backend.js";
import { BackendHealth } from "./backend-health.js";
import { BackendPool } from "./backend-pool.js";
import { createTlsAgent, tlsFingerprint } from "./backend-tls.js";
import { HealthChecker } from "./health-checker.js";
import { KEEP_ALIVE } from "./keep-alive.js";

export class BackendRegistry {
  readonly httpAgent = new http.Agent(KEEP_ALIVE);
  /** For APIs without TLS settings: the system CAs, no client certificate. */
  readonly httpsAgent = new https.Agent(KEEP_ALIVE);
  private readonly healths = new Map<string, BackendHealth>();
  private readonly checkers = new Map<string, HealthChecker>();
  private readonly tlsAgents = new Map<string, https.Agent>();

  constructor(
    private readonly opts: { logger: Logger; defaultTimeoutMs: number; secretsKey?: Buffer },
  ) {}

  poolFor(api: GatewayApi): BackendPool {
    const members = api.backends.map((b) => {
      const key = `${api.id} ${b.url}`;
      let health = this.healths.get(key);
      if (!health) {
        health = new BackendHealth(key, compileBackend(b.url));
        this.healths.set(key, health);
      }
      return { health, weight: b.weight };
    });
    const tls = api.backendSettings?.tls;
    let agent: https.Agent = this.httpsAgent;
    let problem: string | undefined;
    if (tls && Object.values(tls).some((v) => v !== undefined)) {
      const agentKey = `${api.id} ${tlsFingerprint(tls)}`;
      const existing = this.tlsAgents.get(agentKey);
      if (existing) agent = existing;
      else {
        const made = createTlsAgent(tls, this.opts.secretsKey);
        if ("agent" in made) this.tlsAgents.set(agentKey, (agent = made.agent));
        else problem = made.problem;
      }
    }
    if (problem) this.opts.logger.error({ apiId: api.id, problem }, "backend TLS settings unusable; its requests get 502");
    return new BackendPool(api.id, members, api.backendSettings, this.opts.defaultTimeoutMs, agent, problem);
  }

  /** Called right after a config is swapped in, with every pool it serves. */
  activate(pools: readonly BackendPool[]): void {
    const usedHealth = new Set<string>();
    const usedAgents = new Set<http.Agent>(pools.map((p) => p.httpsAgent));
    for (const pool of pools) {
      for (const health of pool.members) {
        usedHealth.add(health.key);
        const check = pool.rules.healthCheck;
        const running = this.checkers.get(health.key);
        if (running && check && JSON.stringify(running.check) === JSON.stringify(check)) continue;
        running?.stop();
        this.checkers.delete(health.key);
        if (!check) continue;
        const agents = { http: this.httpAgent, https: pool.httpsAgent };
        const checker = new HealthChecker(health, check, agents, this.opts.logger);
        this.checkers.set(health.key, checker);
        checker.start();
      }
    }
    for (const key of [...this.healths.keys()]) {
      if (usedHealth.has(key)) continue;
      this.healths.delete(key);
      this.checkers.get(key)?.stop();
      this.checkers.delete(key);
    }
    for (const [key, agent] of this.tlsAgents) {
      if (usedAgents.has(agent)) continue;
      this.tlsAgents.delete(key);
      retire(agent);
    }
  }

  close(): void {
    for (const checker of this.checkers.values()) checker.stop();
    this.checkers.clear();
    for (const agent of [this.httpAgent, this.httpsAgent, ...this.tlsAgents.values()]) agent.destroy();
  }
}

/** Lets requests still using an old agent finish, then closes its connections instead of pooling them. */
function retire(agent: https.Agent): void {
  (agent as https.Agent & { keepAlive: boolean }).keepAlive = false; // read by the agent each time a socket is freed
  for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
}
