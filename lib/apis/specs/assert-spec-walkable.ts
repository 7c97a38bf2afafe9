// One iterative walk of a parsed document, before anything recursive sees it (swagger2openapi,
// Redocly's lint and bundle, our diff): Redocly recurses once or more per level, following local
// $refs to targets it has not visited yet, so a document 20,000 levels deep - or a chain of
// 20,000 schemas each referencing the next - overflows the stack. This walk follows $refs the
// same way (depth-first, each target once), so its depth bounds theirs. It also refuses what
// cannot be stored (NUL, unpaired surrogates) and $ref loops that never reach a value, which
// Redocly throws on. Recursive schemas (a tree node referencing itself) stay legal.
import { isSafeText, TEXT_PROBLEM } from "@/lib/http/safe-text";
import { invalidSpec } from "./invalid-spec";
import { resolveLocalPointer } from "./resolve-local-pointer";
import { SPEC_LIMITS } from "./spec-limits";

type Frame = { value: Record<string, unknown> | unknown[]; keys: string[] | null; next: number; key: string; ref?: string };

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

function pointerOf(stack: Frame[], key?: string): string {
  const keys: string[] = key === undefined ? [] : [escape(key)];
  for (let i = stack.length - 1; i > 0; i--) {
    if (stack[i].ref !== undefined) return [stack[i].ref, ...keys].join("/");
    keys.unshift(escape(stack[i].key));
  }
  return ["#", ...keys].join("/");
}

const frameOf = (value: object, key: string, ref?: string): Frame =>
  Array.isArray(value) ? { value, keys: null, next: 0, key, ref } : { value: value as Record<string, unknown>, keys: Object.keys(value), next: 0, key, ref };

/** A $ref whose chain of targets are only $refs, back to one already seen: nothing to resolve to. */
function isRefLoop(document: Record<string, unknown>, ref: string): boolean {
  const seen = new Set<string>();
  for (let current: unknown = { $ref: ref }; ; ) {
    if (typeof current !== "object" || current === null || typeof (current as { $ref?: unknown }).$ref !== "string") return false;
    const next = (current as { $ref: string }).$ref;
    if (seen.has(next)) return true;
    seen.add(next);
    current = resolveLocalPointer(document, next);
  }
}

/** `checkText: false` when the caller knows no string can hold NUL or a surrogate (see mayHoldUnsafeText). */
export function assertSpecWalkable(document: Record<string, unknown>, options: { checkText?: boolean } = {}): void {
  const checkText = options.checkText ?? true;
  const visited = new Set<object>([document]);
  const checkedRefs = new Set<string>();
  const stack: Frame[] = [frameOf(document, "")];
  let nodes = 1;
  const refuse = (message: string, pointer: string) => {
    throw invalidSpec(message, [{ pointer, message }]);
  };
  const enter = (value: object, key: string, ref?: string) => {
    // Only $ref targets are remembered: a Set of every object costs more than walking a target twice.
    if (ref !== undefined) {
      if (visited.has(value)) return;
      visited.add(value);
    }
    if (stack.length >= SPEC_LIMITS.maxDepth) {
      refuse(`The document nests deeper than ${SPEC_LIMITS.maxDepth} levels (counting $refs followed)`, pointerOf(stack, key));
    }
    stack.push(frameOf(value, key, ref));
  };

  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const { keys } = frame;
    if (frame.next >= (keys === null ? (frame.value as unknown[]).length : keys.length)) {
      stack.pop();
      continue;
    }
    const index = frame.next++;
    const key = keys === null ? String(index) : keys[index];
    const value = keys === null ? (frame.value as unknown[])[index] : (frame.value as Record<string, unknown>)[key];
    if (++nodes > SPEC_LIMITS.maxNodes) refuse(`The document has more than ${SPEC_LIMITS.maxNodes} values`, pointerOf(stack, key));
    if (checkText && !isSafeText(key)) refuse(`A key ${TEXT_PROBLEM}`, pointerOf(stack, key));
    if (typeof value === "string") {
      if (checkText && !isSafeText(value)) refuse(`A string ${TEXT_PROBLEM}`, pointerOf(stack, key));
      if (key === "$ref" && value.startsWith("#") && !checkedRefs.has(value)) {
        checkedRefs.add(value);
        if (isRefLoop(document, value)) refuse("A $ref loop never reaches a value", pointerOf(stack, key));
        const target = resolveLocalPointer(document, value);
        if (typeof target === "object" && target !== null) enter(target, key, value);
      }
    } else if (typeof value === "object" && value !== null) {
      enter(value, key);
    }
  }
}
