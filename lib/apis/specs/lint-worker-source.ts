// The lint worker's code, as inline source (not a file) so the Next.js bundler leaves it
// alone; it loads @redocly/openapi-core from node_modules (a server-external package).
// A worker imports Redocly once (~0.4 s) and then serves any number of tasks.
//
// A task lints one JSON document with one raw Redocly config. For sharding, a task may:
// - `keepPaths`: lint a copy whose `paths` keeps only these keys (components stay whole,
//   so every $ref still resolves; only used when no $ref points into `paths`);
// - `gate`: run one rule (`gate.ruleId`) only on nodes whose own location is (owns: true)
//   or is not (owns: false) under one of `gate.keys` in `#/paths`. Gating by the node's
//   resolved location means every node is checked by exactly one worker, however often
//   and from wherever it is referenced;
// - `onlyRule`: report only that rule's findings (a shard also runs `struct`, because
//   struct hides malformed nodes from later rules, and the gated rule must see the same).
export const LINT_WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const loading = import("@redocly/openapi-core");
loading.then(() => parentPort.postMessage({ loaded: true }), () => undefined); // a failed import is reported per task
const configs = new Map();
let gate = null; // the current task's gate; a worker runs one task at a time

const PATHS = "#/paths/";
function gated(visitor) {
  if (typeof visitor === "function") {
    return function (node, ctx, ...rest) {
      if (gate && !ownsLocation(ctx.location.pointer)) return undefined;
      return visitor.call(this, node, ctx, ...rest);
    };
  }
  if (Array.isArray(visitor)) return visitor.map(gated);
  if (visitor === null || typeof visitor !== "object") return visitor;
  const out = {};
  for (const [key, value] of Object.entries(visitor)) out[key] = key === "skip" ? value : gated(value);
  return out;
}
function ownsLocation(pointer) {
  let listed = false;
  if (pointer.startsWith(PATHS)) {
    const end = pointer.indexOf("/", PATHS.length);
    listed = gate.keys.has(pointer.slice(PATHS.length, end === -1 ? undefined : end));
  }
  return listed === gate.owns;
}

async function configFor(redocly, raw, gatedRule, Resolver) {
  const key = JSON.stringify([raw, gatedRule]);
  if (!configs.has(key)) {
    const config = await redocly.createConfig(raw, { externalRefResolver: new Resolver() });
    if (gatedRule) {
      let found = false;
      config.plugins = config.plugins.map((p) => {
        const rule = p.rules && p.rules.oas3 && p.rules.oas3[gatedRule];
        if (!rule) return p;
        found = true;
        return { ...p, rules: { ...p.rules, oas3: { ...p.rules.oas3, [gatedRule]: (opts) => gated(rule(opts)) } } };
      });
      if (!found) throw new Error("cannot shard: rule not found: " + gatedRule);
    }
    configs.set(key, config);
  }
  return configs.get(key);
}

// One task at a time: lintDocument awaits inside, and \`gate\` belongs to the running task.
let queue = Promise.resolve();
parentPort.on("message", (message) => {
  queue = queue.then(() => (message.warm ? warmUp() : lint(message)));
});

// A first lint in a fresh thread runs unoptimised code (~1 s slower on GitHub's description);
// linting a synthetic document once at startup gets the hot paths (walk, Ajv) compiled.
async function warmUp() {
  const paths = {};
  for (let i = 0; i < 400; i++) {
    const schema = { type: "object", required: ["id"], properties: { id: { type: "integer" }, name: { type: "string", enum: ["a", "b"] },
      tags: { type: "array", items: { $ref: "#/components/schemas/Tag" } }, ["p" + i]: { oneOf: [{ type: "string" }, { type: "number" }] } } };
    const content = { "application/json": { schema, examples: { a: { value: { id: i, name: "c", tags: [{ n: 1 }] } } } } };
    paths["/r" + i + "/{id}"] = { get: { operationId: "g" + i, summary: "s", responses: { 200: { description: "ok", content } },
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }] } };
  }
  const doc = { openapi: "3.0.3", info: { title: "warm-up", version: "1" }, paths, components: { schemas: { Tag: { type: "object", properties: { n: { type: "string" } } } } } };
  await lint({ id: 0, json: JSON.stringify(doc), config: { extends: ["recommended"] } });
}

async function lint(task) {
  try {
    const redocly = await loading;
    class LocalOnlyResolver extends redocly.BaseResolver {
      async loadExternalRef(ref) { throw new Error("External $ref not allowed: " + ref); }
    }
    const config = await configFor(redocly, task.config, task.gate && task.gate.ruleId, LocalOnlyResolver);
    const parsed = JSON.parse(task.json);
    if (task.keepPaths) parsed.paths = Object.fromEntries(task.keepPaths.map((k) => [k, parsed.paths[k]]));
    gate = task.gate ? { owns: task.gate.owns, keys: new Set(task.gate.keys.map(redocly.escapePointerFragment)) } : null;
    const document = { source: new redocly.Source("/openapi.json", task.json), parsed };
    const found = await redocly.lintDocument({ document, config, externalRefResolver: new LocalOnlyResolver() });
    gate = null;
    const problems = [];
    for (const p of found) {
      if (p.severity !== "error" && p.severity !== "warn") continue;
      if (task.onlyRule && p.ruleId !== task.onlyRule) continue;
      problems.push({ ruleId: p.ruleId, severity: p.severity, message: p.message, pointer: (p.location[0] && p.location[0].pointer) || "" });
    }
    parentPort.postMessage({ id: task.id, problems });
  } catch (err) {
    gate = null;
    parentPort.postMessage({ id: task.id, error: String((err && err.stack) || err) });
  }
}
`;
