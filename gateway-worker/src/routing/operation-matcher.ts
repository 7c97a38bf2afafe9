// Matches a request (method + path below the API path) against the operations
// of the API's current revision. Templates are compiled once per config into a
// segment trie: a literal segment is a Map lookup, "{id}" matches any one
// segment, a partial template ("{name}.{ext}") a precompiled RegExp. Per
// request only the walk runs, and its cost depends on the path's depth, not on
// the number of operations.
import type { GatewayOperation } from "../contract/config-snapshot.js";

/**
 * One segment position of the trie. Its collections exist only once something is put in
 * them: most nodes of a real API (1,223 operations, four segments each) have one child and
 * no operation, and an empty Map still costs its hash table, tens of megabytes over the
 * 13,000 operations of a 1,000-API catalogue.
 */
interface TrieNode {
  literal: Map<string, TrieNode> | null;
  /** Child for a segment that is exactly one template expression, "{id}". */
  wildcard: TrieNode | null;
  /** Children for segments mixing text and expressions, keyed by pattern source. */
  partial: Map<string, { pattern: RegExp; node: TrieNode }> | null;
  /** The operation behind each method whose template ends at this node (its keys are those methods). */
  operations: Map<string, GatewayOperation> | null;
}

export type OperationMatch =
  | { kind: "matched"; operation: GatewayOperation }
  | { kind: "method_not_allowed"; allow: string[] }
  | { kind: "not_found" };

const MAX_PARTIAL_SEGMENT_LENGTH = 256;

const newNode = (): TrieNode => ({ literal: null, wildcard: null, partial: null, operations: null });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "/orders/" and "orders" are the same template as "/orders"; "/" (or "") is the API root. */
function splitPath(path: string): string[] {
  const trimmed = path.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? [] : trimmed.split("/");
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed %-escape: compare it as written
  }
}

export class OperationMatcher {
  private readonly root = newNode();
  readonly size: number;

  constructor(operations: readonly GatewayOperation[]) {
    for (const op of operations) this.add(op, splitPath(op.path));
    this.size = operations.length;
  }

  private add(op: GatewayOperation, segments: string[]) {
    const method = op.method.toUpperCase();
    let node = this.root;
    for (const segment of segments) node = this.child(node, segment);
    const operations = (node.operations ??= new Map());
    if (!operations.has(method)) operations.set(method, op);
  }

  private child(node: TrieNode, segment: string): TrieNode {
    if (/^\{[^{}]*\}$/.test(segment)) return (node.wildcard ??= newNode());
    if (!/\{[^{}]*\}/.test(segment)) {
      const literal = (node.literal ??= new Map());
      let next = literal.get(segment);
      if (!next) literal.set(segment, (next = newNode()));
      return next;
    }
    const source = `^${segment.split(/\{[^{}]*\}/).map(escapeRegExp).join(".+?")}$`;
    const partial = (node.partial ??= new Map());
    let entry = partial.get(source);
    if (!entry) partial.set(source, (entry = { pattern: new RegExp(source, "s"), node: newNode() }));
    return entry.node;
  }

  /** `rest` is the request path below the API path ("" or "/orders/1"), already normalised. */
  match(method: string, rest: string): OperationMatch {
    const ends: Map<string, GatewayOperation>[] = [];
    this.collect(this.root, splitPath(rest).map(decodeSegment), 0, ends);
    if (ends.length === 0) return { kind: "not_found" };
    const allowed = new Set<string>();
    for (const operations of ends) for (const m of operations.keys()) allowed.add(m);
    // HEAD is GET without a body: every HTTP server answers it where GET works.
    if (allowed.has("GET")) allowed.add("HEAD");
    const verb = method.toUpperCase();
    if (!allowed.has(verb)) return { kind: "method_not_allowed", allow: [...allowed].sort() };
    // Literal branches are collected first, so "/orders/mine" beats "/orders/{id}"; HEAD takes GET's operation.
    for (const lookup of verb === "HEAD" ? ["HEAD", "GET"] : [verb]) {
      for (const operations of ends) {
        const operation = operations.get(lookup);
        if (operation) return { kind: "matched", operation };
      }
    }
    return { kind: "not_found" }; // unreachable: `allowed` came from these nodes
  }

  /** Every template ending at the path's last segment; literal and templated branches may both match. */
  private collect(node: TrieNode, segments: string[], i: number, ends: Map<string, GatewayOperation>[]) {
    if (i === segments.length) {
      if (node.operations) ends.push(node.operations);
      return;
    }
    const segment = segments[i];
    const literal = node.literal?.get(segment);
    if (literal) this.collect(literal, segments, i + 1, ends);
    if (segment === "") return; // "{id}" never matches an empty segment ("/orders//x")
    if (node.wildcard) this.collect(node.wildcard, segments, i + 1, ends);
    // Templates like "{a}-{b}-{c}.json" compile to lazy chains that backtrack polynomially:
    // no real path segment is this long, so an unauthenticated caller can't make us spin.
    if (!node.partial || segment.length > MAX_PARTIAL_SEGMENT_LENGTH) return;
    for (const { pattern, node: next } of node.partial.values()) {
      if (pattern.test(segment)) this.collect(next, segments, i + 1, ends);
    }
  }
}
