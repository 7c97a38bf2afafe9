// The revision diff: operations keyed by method + normalised path template,
// changed when what a client sees differs (through $refs), never by accident.
import { describe, expect, it } from "vitest";
import { diffOperations } from "./diff-operations";

type Doc = Record<string, unknown>;

const order = { type: "object", properties: { id: { type: "string" } } };
function doc(paths: Doc, schemas: Doc = { Order: order }): Doc {
  return { openapi: "3.0.3", info: { title: "T", version: "1" }, paths, components: { schemas } };
}
const ok = (schema: unknown = { $ref: "#/components/schemas/Order" }) => ({
  "200": { description: "ok", content: { "application/json": { schema } } },
});
const getOrder = (extra: Doc = {}) => ({
  operationId: "getOrder",
  summary: "Get one order",
  tags: ["orders"],
  parameters: [{ name: "orderId", in: "path", required: true, schema: { type: "string" } }],
  responses: ok(),
  ...extra,
});
const base = doc({ "/orders/{orderId}": { get: getOrder() }, "/hello": { get: { summary: "Hi", responses: ok({ type: "string" }) } } });

describe("diffOperations", () => {
  it("finds nothing between a document and itself", () => {
    expect(diffOperations(base, structuredClone(base))).toEqual({ added: [], removed: [], changed: [] });
  });

  it.each<[string, Doc, { added?: string[]; removed?: string[]; changed?: [string, string[]][] }]>([
    ["an added operation", doc({ ...(base.paths as Doc), "/orders": { post: { responses: ok() } } }), { added: ["POST /orders"] }],
    ["a removed operation", doc({ "/orders/{orderId}": { get: getOrder() } }), { removed: ["GET /hello"] }],
    ["a renamed path parameter is the same route", doc({ "/orders/{id}/": { get: getOrder() }, "/hello": (base.paths as Doc)["/hello"] as Doc }), {}],
    ["another method on the same path", doc({ "/orders/{orderId}": { delete: getOrder() }, "/hello": (base.paths as Doc)["/hello"] as Doc }), { added: ["DELETE /orders/{orderId}"], removed: ["GET /orders/{orderId}"] }],
    ["summary", doc({ ...(base.paths as Doc), "/orders/{orderId}": { get: getOrder({ summary: "Fetch" }) } }), { changed: [["GET /orders/{orderId}", ["summary"]]] }],
    ["operationId", doc({ ...(base.paths as Doc), "/orders/{orderId}": { get: getOrder({ operationId: "fetchOrder" }) } }), { changed: [["GET /orders/{orderId}", ["operationId"]]] }],
    ["tags (order does not matter)", doc({ ...(base.paths as Doc), "/orders/{orderId}": { get: getOrder({ tags: ["orders", "v2"] }) } }), { changed: [["GET /orders/{orderId}", ["tags"]]] }],
    [
      "a new query parameter",
      doc({ ...(base.paths as Doc), "/orders/{orderId}": { get: getOrder({ parameters: [...getOrder().parameters, { name: "expand", in: "query" }] }) } }),
      { changed: [["GET /orders/{orderId}", ["parameters"]]] },
    ],
    [
      "a parameter moved to the path item is not a change",
      doc({ ...(base.paths as Doc), "/orders/{orderId}": { parameters: getOrder().parameters, get: getOrder({ parameters: undefined }) } }),
      {},
    ],
    ["a request body", doc({ ...(base.paths as Doc), "/orders/{orderId}": { get: getOrder({ requestBody: { content: {} } }) } }), { changed: [["GET /orders/{orderId}", ["requestBody"]]] }],
    ["a schema changed behind a $ref", doc(base.paths as Doc, { Order: { ...order, required: ["id"] } }), { changed: [["GET /orders/{orderId}", ["responses"]]] }],
    ["a $ref renamed to an identical schema", doc({ ...(base.paths as Doc), "/orders/{orderId}": { get: getOrder({ responses: ok({ $ref: "#/components/schemas/Order2" }) }) } }, { Order2: order }), {}],
    ["several fields at once", doc({ ...(base.paths as Doc), "/orders/{orderId}": { get: getOrder({ summary: "x", responses: ok({ type: "integer" }) }) } }), { changed: [["GET /orders/{orderId}", ["summary", "responses"]]] }],
  ])("%s", (_label, after, expected) => {
    const diff = diffOperations(base, after);
    expect(diff.added.map((o) => `${o.method} ${o.path}`)).toEqual(expected.added ?? []);
    expect(diff.removed.map((o) => `${o.method} ${o.path}`)).toEqual(expected.removed ?? []);
    expect(diff.changed.map((c) => [`${c.method} ${c.path}`, c.fields])).toEqual(expected.changed ?? []);
  });

  it("reports before and after of a changed operation", () => {
    const after = doc({ ...(base.paths as Doc), "/orders/{id}": { get: getOrder({ summary: "Fetch" }) } });
    delete (after.paths as Doc)["/orders/{orderId}"];
    const [change] = diffOperations(base, after).changed;
    expect(change).toMatchObject({
      method: "GET",
      path: "/orders/{id}",
      before: { path: "/orders/{orderId}", summary: "Get one order", operationId: "getOrder", tags: ["orders"] },
      after: { path: "/orders/{id}", summary: "Fetch" },
    });
  });

  it("keeps identical templated paths apart and terminates on recursive schemas", () => {
    const node = { type: "object", properties: { child: { $ref: "#/components/schemas/Node" } } };
    const messy = (desc: string) =>
      doc(
        { "/a/{x}": { get: { responses: ok({ $ref: "#/components/schemas/Node" }) } }, "/a/{y}": { get: { summary: desc, responses: ok() } } },
        { Node: node, Order: order },
      );
    expect(diffOperations(messy("one"), messy("one"))).toEqual({ added: [], removed: [], changed: [] });
    expect(diffOperations(messy("one"), messy("two")).changed.map((c) => c.path)).toEqual(["/a/{y}"]);
  });

  it("treats a missing document as having no operations", () => {
    expect(diffOperations(null, base).added).toHaveLength(2);
  });
});
