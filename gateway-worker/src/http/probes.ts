// The gateway's own endpoints on the traffic port, for load balancers and
// orchestrators. /healthz: the process is alive and answering (always 200, with
// the config version for humans). /readyz: it should receive traffic, i.e.
// every readiness check passes (a config is loaded, the limiter is usable or
// fails open, ...); 503 otherwise, naming the checks that fail.
import cluster from "node:cluster";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ConfigStore } from "../config/config-store.js";
import type { Readiness } from "../observability/readiness.js";
import { sendError } from "./errors.js";

/** Reserved: answered by the gateway, never routed (the contract forbids them as API paths). */
export const PROBE_PATHS = { live: "/healthz", ready: "/readyz" } as const;

export function isProbePath(pathname: string): boolean {
  return pathname === PROBE_PATHS.live || pathname === PROBE_PATHS.ready;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

export function createProbes(deps: { store: ConfigStore; readiness: Readiness }) {
  return async function answerProbe(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") return sendError(res, "method_not_allowed", { allow: "GET, HEAD" });
    const config = deps.store.get();
    if (pathname === PROBE_PATHS.live) {
      // A worker of a GATEWAY_WORKERS cluster says which one answered.
      const worker = cluster.isWorker ? { worker: process.pid } : {};
      return sendJson(res, 200, { status: "ok", configVersion: config?.version ?? null, apis: config?.apiCount ?? 0, ...worker });
    }
    const { ready, checks } = await deps.readiness.evaluate();
    sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "not_ready", configVersion: config?.version ?? null, checks });
  };
}

export type AnswerProbe = ReturnType<typeof createProbes>;
