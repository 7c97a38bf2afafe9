"use client";
// What an import or check is doing right now: upload bytes, then the server's phases as they finish.
import { formatBytes, formatSeconds } from "@/components/format";
import type { ImportProgress } from "@/lib/client/post-with-progress";

const phaseLabels: Record<string, string> = {
  fetch: "Fetching the URL",
  parse: "Parsing",
  lint: "Linting",
  bundle: "Resolving $refs",
  operations: "Reading operations",
  store: "Saving",
  publish: "Publishing to the gateways",
};

export function ImportProgressView({ progress }: { progress: ImportProgress | null }) {
  if (!progress) return null;
  if (progress.stage === "upload") {
    return (
      <div role="status" aria-live="polite">
        <label>
          Uploading {formatBytes(progress.sentBytes)} of {formatBytes(progress.totalBytes)}{" "}
          <progress max={progress.totalBytes || 1} value={progress.sentBytes} />
        </label>
      </div>
    );
  }
  // A phase is running if it started and has not finished yet (lint can overlap bundle and store).
  const done = new Map(progress.phases.filter((p) => p.status === "done").map((p) => [p.phase, p.ms ?? 0]));
  const started = [...new Set(progress.phases.map((p) => p.phase))];
  return (
    <div role="status" aria-live="polite">
      {started.length === 0 && <p className="muted">Uploaded; waiting for the server…</p>}
      <ul className="import-phases">
        {started.map((phase) => (
          <li key={phase}>
            {done.has(phase) ? "✓" : "…"} {phaseLabels[phase] ?? phase}
            {done.has(phase) && <span className="muted"> ({formatSeconds(done.get(phase) ?? 0)})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
