// Reads a snapshot without holding several copies of it: everything but the
// subscriptions goes through the contract's schema as usual; the subscriptions
// (100,000 of them at scale) are validated one at a time, compiled straight into
// the key index and released from the parsed JSON as they go, so the peak is the
// parsed JSON plus the index, never the JSON plus a validated copy plus the index.
import { gatewayConfigSnapshotSchema, gatewaySubscriptionSchema } from "../contract/config-snapshot.js";
import { compileSubscription, type CompiledSubscription, type SnapshotShell, type SubscriptionIndexes } from "./compile-config.js";
import { ShardedMap } from "./sharded-map.js";

const MAX_ISSUES = 5;

export type ParsedSnapshot =
  | { ok: true; shell: SnapshotShell; subscriptions: SubscriptionIndexes }
  | { ok: false; version: number | null; error: "json" | "schema"; issues: string[] };

/** `{"version":N` at the very start, as the console writes it (zod keeps the schema's key order). */
const LEADING_VERSION = /^\s*\{\s*"version"\s*:\s*(\d{1,15})\s*[,}]/;

/** The snapshot's version without parsing it, or null when it does not start with it. */
export function peekSnapshotVersion(rawStart: string): number | null {
  const match = LEADING_VERSION.exec(rawStart.slice(0, 64));
  return match ? Number(match[1]) : null;
}

export function parseSnapshot(raw: string): ParsedSnapshot {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { ok: false, version: null, error: "json", issues: [(err as Error).message] };
  }
  const declared = (json as { version?: unknown } | null)?.version;
  const version = typeof declared === "number" ? declared : null;
  const fail = (issues: string[]): ParsedSnapshot => ({ ok: false, version, error: "schema", issues: issues.slice(0, MAX_ISSUES) });

  const rawSubscriptions = (json as { subscriptions?: unknown } | null)?.subscriptions;
  if (!Array.isArray(rawSubscriptions)) {
    const issue = typeof json === "object" && json !== null ? "subscriptions: expected array" : "(root): expected object";
    return fail([issue]);
  }
  // The contract's checks of everything else (including its duplicate rules for APIs and products).
  const shell = gatewayConfigSnapshotSchema.safeParse({ ...(json as object), subscriptions: [] });
  if (!shell.success) return fail(shell.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));

  const byId = ShardedMap.builder<CompiledSubscription>();
  const byKeyHash = ShardedMap.builder<CompiledSubscription>();
  const issues: string[] = [];
  for (let i = 0; i < rawSubscriptions.length && issues.length < MAX_ISSUES; i++) {
    const parsed = gatewaySubscriptionSchema.safeParse(rawSubscriptions[i]);
    rawSubscriptions[i] = null; // the parsed JSON of this one can go now
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push(`subscriptions.${[i, ...issue.path].join(".")}: ${issue.message}`);
      continue;
    }
    const s = parsed.data;
    if (byId.get(s.id)) {
      issues.push(`subscriptions.${i}.id: duplicate subscription id "${s.id}"`);
      continue;
    }
    const compiled = compileSubscription(s);
    byId.set(s.id, compiled);
    // One key identifies one subscription; a repeat inside the same subscription is harmless.
    for (const hash of s.keyHashes) {
      const owner = byKeyHash.get(hash);
      if (owner && owner.id !== s.id) issues.push(`subscriptions.${i}.keyHashes: key hash shared with subscription "${owner.id}"`);
      byKeyHash.set(hash, compiled);
    }
  }
  if (issues.length > 0) return fail(issues);
  return { ok: true, shell: shell.data, subscriptions: { byId: byId.build(), byKeyHash: byKeyHash.build() } };
}
