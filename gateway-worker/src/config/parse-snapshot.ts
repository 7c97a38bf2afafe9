// Reads a snapshot without holding several copies of it: everything but the
// subscriptions goes through the contract's schema as usual; the subscriptions
// (100,000 of them at scale) are validated one at a time, compiled straight into
// the key index and released from the parsed JSON as they go, so the peak is the
// parsed JSON plus the index, never the JSON plus a validated copy plus the index.
import { gatewayConfigSnapshotSchema, gatewaySubscriptionSchema, type GatewaySubscription } from "../contract/config-snapshot.js";
import { compileSubscription, type CompiledSubscription, type SnapshotShell, type SubscriptionIndexes } from "./compile-config.js";
import { ShardedMap } from "./sharded-map.js";
import { PackedKeyTable } from "./subscription-key-index.js";
import { locateSubscriptions, type LocatedSubscriptions } from "./snapshot-subscriptions.js";

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
  const located = locateSubscriptions(raw);
  return (located && parseLocated(located)) ?? parseWhole(raw);
}

/**
 * The usual path: the shell parsed and checked, then one subscription at a time. Only a
 * success is answered here; a document with any problem is parsed whole (null), so what it
 * reports (a JSON error before a schema one, the first issues in order) is exactly as before.
 */
function parseLocated(located: LocatedSubscriptions): ParsedSnapshot | null {
  let json: unknown;
  try {
    json = JSON.parse(located.shell);
  } catch {
    return null;
  }
  const shell = gatewayConfigSnapshotSchema.safeParse(json);
  if (!shell.success) return null;
  const index = subscriptionIndexer();
  let i = 0;
  for (const text of located.elements()) {
    let element: unknown;
    try {
      element = JSON.parse(text);
    } catch {
      return null;
    }
    index.add(element, i++);
    if (index.issues.length > 0) return null;
  }
  return { ok: true, shell: shell.data, subscriptions: index.build() };
}

function parseWhole(raw: string): ParsedSnapshot {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { ok: false, version: null, error: "json", issues: [(err as Error).message] };
  }
  const version = declaredVersion(json);
  const rawSubscriptions = (json as { subscriptions?: unknown } | null)?.subscriptions;
  if (!Array.isArray(rawSubscriptions)) {
    const issue = typeof json === "object" && json !== null ? "subscriptions: expected array" : "(root): expected object";
    return failed(version, [issue]);
  }
  // The contract's checks of everything else (including its duplicate rules for APIs and products).
  const shell = gatewayConfigSnapshotSchema.safeParse({ ...(json as object), subscriptions: [] });
  if (!shell.success) return failed(version, schemaIssues(shell.error.issues));

  const index = subscriptionIndexer();
  for (let i = 0; i < rawSubscriptions.length && index.issues.length < MAX_ISSUES; i++) {
    index.add(rawSubscriptions[i], i);
    rawSubscriptions[i] = null; // the parsed JSON of this one can go now
  }
  return index.issues.length > 0 ? failed(version, index.issues) : { ok: true, shell: shell.data, subscriptions: index.build() };
}

function declaredVersion(json: unknown): number | null {
  const declared = (json as { version?: unknown } | null)?.version;
  return typeof declared === "number" ? declared : null;
}

const failed = (version: number | null, issues: string[]): ParsedSnapshot => ({ ok: false, version, error: "schema", issues: issues.slice(0, MAX_ISSUES) });

const schemaIssues = (issues: readonly { path: PropertyKey[]; message: string }[]) => issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`);

const SUBSCRIPTION_STATES: ReadonlySet<unknown> = new Set(gatewaySubscriptionSchema.shape.state.options);
const KEY_HASH = /^[0-9a-f]{64}$/;
const PLAIN_FIELDS = ["id", "state", "productId", "apiId", "keyHashes", "expiresAt"];
/** The shortcut holds while these are exactly the schema's required fields (any other is optional, and absent here). */
const PLAIN_USABLE = Object.entries(gatewaySubscriptionSchema.shape).every(([key, field]) => PLAIN_FIELDS.includes(key) !== field.safeParse(undefined).success);
const nullOrString = (v: unknown) => v === null || typeof v === "string";

/**
 * The common shape, checked without zod (100,000 parses are a third of a cold start): only
 * values gatewaySubscriptionSchema accepts as they are, and the object it would answer.
 * Anything else (an expiry date, a missing field, any other field) is left to the schema itself.
 */
function plainSubscription(v: unknown): GatewaySubscription | null {
  if (!PLAIN_USABLE || typeof v !== "object" || v === null || Object.keys(v).length !== PLAIN_FIELDS.length) return null;
  const { id, state, productId, apiId, keyHashes, expiresAt, boundClientId } = v as Record<string, unknown>;
  if (typeof id !== "string" || id.length === 0 || !SUBSCRIPTION_STATES.has(state) || !nullOrString(productId) || !nullOrString(apiId)) return null;
  // A bound subscription (portal My apps; few) goes through the schema, which keeps boundClientId.
  if (boundClientId !== undefined) return null;
  if (expiresAt !== null || !Array.isArray(keyHashes) || keyHashes.length === 0) return null;
  for (const hash of keyHashes) if (typeof hash !== "string" || !KEY_HASH.test(hash)) return null;
  return { id, state, productId, apiId, keyHashes, expiresAt } as GatewaySubscription;
}

/** Validates subscriptions one by one (the contract's schema) straight into the two indexes. */
function subscriptionIndexer() {
  const byId = ShardedMap.builder<CompiledSubscription>();
  const byKeyHash = PackedKeyTable.builder<CompiledSubscription>();
  const issues: string[] = [];
  // Every subscription of a product names it: one string for all of them, not one per parsed copy.
  const strings = new Map<string, string>();
  const shared = <T extends string | null>(value: T): T => {
    if (value === null) return value;
    const known = strings.get(value);
    if (known !== undefined) return known as T;
    strings.set(value, value);
    return value;
  };
  return {
    issues,
    add(element: unknown, i: number) {
      let s = plainSubscription(element);
      if (!s) {
        const parsed = gatewaySubscriptionSchema.safeParse(element);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) issues.push(`subscriptions.${[i, ...issue.path.map(String)].join(".")}: ${issue.message}`);
          return;
        }
        s = parsed.data;
      }
      s = { ...s, state: shared(s.state), productId: shared(s.productId), apiId: shared(s.apiId) };
      const compiled = compileSubscription(s);
      if (byId.claim(s.id, compiled)) {
        issues.push(`subscriptions.${i}.id: duplicate subscription id "${s.id}"`);
        return;
      }
      // One key identifies one subscription; a repeat inside the same subscription is harmless.
      for (const hash of s.keyHashes) {
        const owner = byKeyHash.claim(hash, compiled);
        if (owner && owner.id !== s.id) issues.push(`subscriptions.${i}.keyHashes: key hash shared with subscription "${owner.id}"`);
      }
    },
    build: (): SubscriptionIndexes => ({ byId: byId.build(), byKeyHash: byKeyHash.build() }),
  };
}
