// Deep equality of two parts of two OpenAPI documents, looking through local
// $refs: a schema changed under components/ changes every operation that uses
// it, even though the operation object itself still says "$ref". Comparisons
// of a pair of references are memoised (cheap on large specs) and a pair met
// again while being compared counts as equal, so recursive schemas terminate.
import { isObject, resolvePointer, type JsonObject } from "./document-operations";

const MAX_REF_HOPS = 20;

export class ResolvedComparer {
  private readonly memo = new Map<string, boolean | "comparing">();

  constructor(
    private readonly before: JsonObject,
    private readonly after: JsonObject,
  ) {}

  equal(a: unknown, b: unknown): boolean {
    const [refA, valueA] = this.follow(a, this.before);
    const [refB, valueB] = this.follow(b, this.after);
    if (refA === null && refB === null) return this.structurallyEqual(valueA, valueB);
    const key = `${refA ?? ""}\u0000${refB ?? ""}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known !== false; // "comparing": a cycle, assume equal
    this.memo.set(key, "comparing");
    const result = this.structurallyEqual(valueA, valueB);
    this.memo.set(key, result);
    return result;
  }

  /** What `value` stands for in `document`, $refs followed. */
  resolve(value: unknown, document: JsonObject): unknown {
    return this.follow(value, document)[1];
  }

  /** The last $ref followed (null if none) and the value it leads to. */
  private follow(value: unknown, document: JsonObject): [string | null, unknown] {
    let ref: string | null = null;
    for (let hop = 0; hop < MAX_REF_HOPS && isObject(value) && typeof value.$ref === "string"; hop++) {
      const target = resolvePointer(document, value.$ref);
      if (target === undefined) break; // dangling or external: compare the $ref object itself
      ref = value.$ref;
      value = target;
    }
    return [ref, value];
  }

  private structurallyEqual(a: unknown, b: unknown): boolean {
    // No identity shortcut for objects: the same object may hold $refs that mean different things in each document.
    if (typeof a !== "object" || a === null) return a === b;
    if (Array.isArray(a) || Array.isArray(b)) {
      return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => this.equal(item, b[i]));
    }
    if (!isObject(a) || !isObject(b)) return false;
    const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
    const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
    return keysA.length === keysB.length && keysA.every((k) => k in b && this.equal(a[k], b[k]));
  }
}
