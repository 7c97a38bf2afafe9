// How a big document's lint is split across the worker pool. Nearly all of the cost of
// GitHub's description (~4 of ~5 s) is one rule validating media type examples against
// their schemas, so that rule is sharded by `paths` key: one "main" task runs the whole
// ruleset on the whole document with that rule gated off for the shards' paths, and each
// shard task runs only that rule (plus `struct`) on its own paths. See lint-worker-source.ts.

/** The rule worth sharding; other rules are cheap enough to run once. */
export const SHARDED_RULE = "no-invalid-media-type-examples";

// Relative costs, measured on GitHub's description (1 = the sharded rule over all paths):
// the main task's other rules cost ~0.5, and a shard's own walk of components ~0.2.
const MAIN_TASK_EXTRA = 0.5;
const SHARD_OVERHEAD = 0.2;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A shard may drop other paths only if nothing refers into `paths` (each path is then self-contained). */
const REF_INTO_PATHS = /"\$ref"\s*:\s*"[^"]*#\/paths[/"]/;

/**
 * The paths keys of each shard task (`shardCount - 1` shards besides the main task), in
 * document order; [] when sharding would not pay. Reads `parsed.paths` only, synchronously
 * (the caller bundles the same object in place right after).
 */
export function planLintShards(parsed: Record<string, unknown>, json: string, shardCount: number): string[][] {
  if (shardCount < 2 || !isObject(parsed.paths) || REF_INTO_PATHS.test(json)) return [];
  const weights = Object.entries(parsed.paths).map(([key, item]) => [key, pathItemWeight(item)] as const);
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  if (total === 0) return [];
  // Every task should finish together: main = (extra + its paths), shard = (overhead + its paths).
  const finish = (total * (1 + MAIN_TASK_EXTRA) + (shardCount - 1) * total * SHARD_OVERHEAD) / shardCount;
  const perShard = Math.max(0, finish - total * SHARD_OVERHEAD);
  const shards: string[][] = [];
  let current: string[] = [];
  let filled = 0;
  for (const [key, weight] of weights) {
    if (shards.length === shardCount - 1) break; // the rest stays with the main task
    if (weight === 0) continue;
    current.push(key);
    filled += weight;
    if (filled >= perShard) {
      shards.push(current);
      current = [];
      filled = 0;
    }
  }
  if (current.length > 0 && shards.length < shardCount - 1) shards.push(current);
  return shards;
}

/** Roughly the sharded rule's work in one path item: inline media types with examples to validate. */
function pathItemWeight(item: unknown): number {
  if (!isObject(item)) return 0;
  let weight = 0;
  const container = (c: unknown) => {
    if (!isObject(c) || "$ref" in c || !isObject(c.content)) return; // $ref'd ones live in components: main task
    for (const media of Object.values(c.content)) {
      if (!isObject(media) || media.schema === undefined) continue;
      if (media.example !== undefined) weight += 2;
      else if (isObject(media.examples)) weight += 1 + Object.keys(media.examples).length;
    }
  };
  const parameters = (list: unknown) => Array.isArray(list) && list.forEach(container);
  parameters(item.parameters);
  for (const method of METHODS) {
    const op = item[method];
    if (!isObject(op)) continue;
    parameters(op.parameters);
    container(op.requestBody);
    if (isObject(op.responses)) Object.values(op.responses).forEach(container);
  }
  return weight;
}
