// Prometheus metrics of the config channel, scraped at GET /api/metrics. The gauges come
// from the shared delivery row (any console answers for all); the failure counter is
// this process's own, as Prometheus counters are.
import { Counter, Gauge, Registry } from "prom-client";
import { readConfigDelivery } from "./read-config-delivery";

type Metrics = { registry: Registry; failures: Counter; pending: Gauge; pendingSeconds: Gauge; failing: Gauge; delivered: Gauge };

function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    failures: new Counter({ name: "portcullis_config_publish_failures_total", help: "Gateway config publish attempts that failed in this process", registers }),
    pending: new Gauge({ name: "portcullis_config_delivery_pending", help: "1 while an acknowledged change has not reached Redis", registers }),
    pendingSeconds: new Gauge({ name: "portcullis_config_delivery_pending_seconds", help: "Age of the oldest change not yet delivered (0: none)", registers }),
    failing: new Gauge({ name: "portcullis_config_delivery_consecutive_failures", help: "Publish attempts failed in a row, across consoles", registers }),
    delivered: new Gauge({ name: "portcullis_config_delivered_version", help: "Newest gateway config version stored in Redis by a publish", registers }),
  };
}

// On globalThis: a dev-mode module reload must keep the counter and not register twice.
const metrics = ((globalThis as { __portcullisConfigMetrics?: Metrics }).__portcullisConfigMetrics ??= createMetrics());

export function countPublishFailure(): void {
  metrics.failures.inc();
}

/** The exposition text and its content type, with the gauges read fresh. */
export async function scrapeConfigDeliveryMetrics(now = Date.now()): Promise<{ body: string; contentType: string }> {
  const delivery = await readConfigDelivery();
  metrics.pending.set(delivery.status === "delivered" ? 0 : 1);
  metrics.pendingSeconds.set(delivery.pendingSince ? Math.max(0, (now - Date.parse(delivery.pendingSince)) / 1000) : 0);
  metrics.failing.set(delivery.consecutiveFailures);
  metrics.delivered.set(delivery.deliveredVersion ?? 0);
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
