// The gateway's Prometheus metrics, in a registry of its own (several gateways
// may share a process in tests). Requests are observed once, when their
// response closes, by the request and upgrade handlers; the rejection reason
// comes from the error code the gateway answered with (rejection-reasons.ts).
import type { IncomingMessage } from "node:http";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { rejectionReason } from "./rejection-reasons.js";

/** An unresolved request (no API at its path) is counted under this label. */
export const NO_API = "(none)";

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Label sets cached per API; a config rarely has more APIs than this. */
const MAX_CACHED_LABELS = 10_000;

interface ApiLabels {
  readonly api: Readonly<{ api: string }>;
  /** Indexed by the status' first digit. */
  readonly byStatusClass: readonly (Readonly<{ api: string; status_class: string }> | undefined)[];
}

/**
 * The backend's response time, kept on the request itself: a WeakMap written on every request
 * keeps requests alive through scavenges once its table is in the old generation (see server.ts).
 */
const kUpstreamMs = Symbol("portcullis.upstreamMs");
type TimedRequest = IncomingMessage & { [kUpstreamMs]?: number };

export interface RequestObservation {
  apiId: string | undefined;
  status: number;
  durationMs: number;
  /** The error code when the gateway answered itself (a rejection, or a backend failure). */
  rejectionCode: string | undefined;
}

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"api" | "status_class">;
  private readonly latency: Histogram<"api">;
  private readonly upstreamLatency: Histogram<"api">;
  private readonly rejections: Counter<"api" | "reason">;
  private readonly redisErrors: Counter<"source">;
  private readonly analyticsRecordsSent: Counter;
  private readonly analyticsRecordsDropped: Counter;
  private analyticsBuffered: () => number = () => 0;
  private readonly apiLabels = new Map<string, ApiLabels>();
  private answered = 0;

  constructor(configVersion: () => number | null) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: "portcullis_gateway_" });
    this.requests = new Counter({
      name: "portcullis_gateway_requests_total",
      help: "Requests answered, by API and status class (2xx, 4xx, ...)",
      labelNames: ["api", "status_class"],
      registers,
    });
    this.latency = new Histogram({
      name: "portcullis_gateway_request_duration_seconds",
      help: "Time from the request's arrival to the end of its answer",
      labelNames: ["api"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.upstreamLatency = new Histogram({
      name: "portcullis_gateway_upstream_duration_seconds",
      help: "Time from sending a request to its backend to the backend's response headers",
      labelNames: ["api"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.rejections = new Counter({
      name: "portcullis_gateway_rejections_total",
      help: "Requests the gateway answered itself instead of the backend, by reason (key, jwt, rate, quota, ip, cors, size, validation, ...)",
      labelNames: ["api", "reason"],
      registers,
    });
    this.redisErrors = new Counter({
      name: "portcullis_gateway_redis_errors_total",
      help: "Errors talking to Redis, by the part of the gateway that met them",
      labelNames: ["source"],
      registers,
    });
    this.analyticsRecordsSent = new Counter({
      name: "portcullis_gateway_analytics_records_sent_total",
      help: "Request records handed to the analytics queue",
      registers,
    });
    this.analyticsRecordsDropped = new Counter({
      name: "portcullis_gateway_analytics_records_dropped_total",
      help: "Request records dropped, oldest first, because the analytics buffer was full (Redis unreachable)",
      registers,
    });
    const buffered = () => this.analyticsBuffered();
    new Gauge({
      name: "portcullis_gateway_analytics_records_buffered",
      help: "Request records held by the gateway, waiting to be sent to the analytics queue",
      registers,
      collect() {
        this.set(buffered());
      },
    });
    new Gauge({
      name: "portcullis_gateway_config_version",
      help: "Version of the config snapshot being served (0: none yet)",
      registers,
      // Across the workers of one gateway (cluster/), the oldest version any of them serves.
      aggregator: "min",
      collect() {
        this.set(configVersion() ?? 0);
      },
    });
  }

  /** Called by the forwarder when the backend's response headers arrive. */
  upstreamResponded(req: IncomingMessage, ms: number): void {
    (req as TimedRequest)[kUpstreamMs] = ms;
  }

  /** The backend's response time of a forwarded request (analytics' upstreamMs); undefined when none answered. */
  upstreamMsOf(req: IncomingMessage): number | undefined {
    return (req as TimedRequest)[kUpstreamMs];
  }

  observeRequest(req: IncomingMessage, o: RequestObservation): void {
    const labels = this.labelsOf(o.apiId ?? NO_API);
    this.answered++;
    const statusClass = Math.floor(o.status / 100);
    this.requests.inc(labels.byStatusClass[statusClass] ?? { api: labels.api.api, status_class: `${statusClass}xx` });
    this.latency.observe(labels.api, o.durationMs / 1000);
    const upstream = (req as TimedRequest)[kUpstreamMs];
    if (upstream !== undefined) this.upstreamLatency.observe(labels.api, upstream / 1000);
    if (o.rejectionCode !== undefined) this.rejections.inc({ api: labels.api.api, reason: rejectionReason(o.rejectionCode) });
  }

  /** The label sets of one API, made once rather than per request (prom-client only reads them). */
  private labelsOf(api: string): ApiLabels {
    let labels = this.apiLabels.get(api);
    if (!labels) {
      if (this.apiLabels.size >= MAX_CACHED_LABELS) this.apiLabels.clear();
      const byStatusClass = [1, 2, 3, 4, 5].map((c) => ({ api, status_class: `${c}xx` }));
      labels = { api: { api }, byStatusClass: [undefined, ...byStatusClass] };
      this.apiLabels.set(api, labels);
    }
    return labels;
  }

  analyticsSent(records: number): void {
    this.analyticsRecordsSent.inc(records);
  }

  analyticsDropped(records: number): void {
    this.analyticsRecordsDropped.inc(records);
  }

  watchAnalyticsBuffer(buffered: () => number): void {
    this.analyticsBuffered = buffered;
  }

  redisError(source: string): void {
    this.redisErrors.inc({ source });
  }

  /** Requests answered since start, for the request rate the heartbeat reports. */
  answeredCount(): number {
    return this.answered;
  }
}
