"use client";
// A change the gateways must pick up (publishing or retiring a big API takes seconds to
// compile and store): while the request runs, an indeterminate bar with the seconds so far;
// once it is answered, how many running gateways serve a config that includes it, from their
// heartbeats (every 10 s), until all do. The rest of the page stays usable throughout.
import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { formatSeconds } from "@/components/format";
import { queryKeys } from "@/lib/client/query-keys";
import { useConfigDelivery } from "@/lib/client/use-config-delivery";
import { useGateways } from "@/lib/client/use-gateways";

/** What react-query says about the request that made the change. */
type ChangeRequest = { isPending: boolean; isSuccess: boolean; submittedAt: number };

/** Milliseconds since `since`, ticking while `running`. */
function useElapsedMs(since: number, running: boolean): number {
  const [now, setNow] = useState(since);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  return Math.max(0, now - since);
}

function Rollout() {
  const queryClient = useQueryClient();
  const delivery = useConfigDelivery();
  const gateways = useGateways();
  const [answeredAt] = useState(() => Date.now());
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.configDelivery });
  }, [queryClient]);
  // Every version built from the answer on holds the change: the first delivery status read after it names one.
  const target = delivery.data && delivery.dataUpdatedAt >= answeredAt ? delivery.data.latestBuiltVersion : null;

  const running = (gateways.data?.items ?? []).filter((g) => g.status !== "silent");
  if (target === null || !gateways.data) return <p className="muted">Saved; checking the gateways…</p>;
  if (running.length === 0) return <p className="muted">Saved. No gateway is running: each one serves it when it starts.</p>;
  const serving = running.filter((g) => g.configVersion !== null && g.configVersion >= target).length;
  return (
    <label className="field-hint">
      {serving === running.length
        ? running.length === 1
          ? "Served by the running gateway."
          : `Served by all ${running.length} running gateways.`
        : `Reaching the gateways: ${serving} of ${running.length} serve it (as their heartbeats report, every 10 s)…`}{" "}
      <progress max={running.length} value={serving} />
    </label>
  );
}

/** `label`: what is being done while the request runs ("Publishing Petstore"). */
export function ChangeRollout({ label, request }: { label: string; request: ChangeRequest }) {
  const elapsed = useElapsedMs(request.submittedAt, request.isPending);
  if (request.isPending) {
    return (
      <div role="status" aria-live="polite">
        <label className="field-hint">
          {label}: compiling it for the gateways and storing it ({formatSeconds(elapsed)})… <progress />
        </label>
      </div>
    );
  }
  if (!request.isSuccess) return null;
  return (
    <div role="status" aria-live="polite">
      <Rollout key={request.submittedAt} />
    </div>
  );
}
