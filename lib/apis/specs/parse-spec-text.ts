// Turns pasted, uploaded or fetched text (JSON or YAML) into a plain object: the one parse of an import.
import { parseDocument } from "yaml";
import { assertSpecWalkable } from "./assert-spec-walkable";
import { assertYamlExpansionBounded } from "./assert-yaml-expansion-bounded";
import { invalidSpec } from "./invalid-spec";
import { SPEC_LIMITS } from "./spec-limits";

export type ParsedSpecText = { value: Record<string, unknown>; format: "json" | "yaml" };

/** NUL, a surrogate, or a JSON escape of one: only then must every string be checked. */
const MAY_HOLD_UNSAFE_TEXT = /[\u0000\ud800-\udfff]|\\u(?:0000|[dD][89a-fA-F])/;

/** `maxBytes`: the workspace's size limit, which the document must also keep once YAML aliases are expanded. */
export function parseSpecText(text: string, maxBytes: number): ParsedSpecText {
  const trimmed = text.trimStart();
  let value: unknown;
  let format: ParsedSpecText["format"];
  if (trimmed.startsWith("{")) {
    // JSON.parse is an order of magnitude faster than a YAML parser on big specs.
    format = "json";
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      throw invalidSpec("The document is not valid JSON", [{ pointer: "", message: (err as Error).message }]);
    }
  } else {
    format = "yaml";
    // Real specs repeat keys now and then; the last one wins, as in most YAML tooling.
    const doc = parseDocument(text, { uniqueKeys: false, merge: true });
    // The yaml package catches its own stack overflow on deep nesting and reports it as an error.
    if (doc.errors.some((e) => e.message.startsWith("Maximum call stack size exceeded"))) {
      const message = `The document nests deeper than ${SPEC_LIMITS.maxDepth} levels`;
      throw invalidSpec(message, [{ pointer: "", message }]);
    }
    if (doc.errors.length > 0) {
      throw invalidSpec(
        "The document is not valid YAML or JSON",
        doc.errors.slice(0, 20).map((e) => ({ pointer: "", message: e.message.split("\n")[0] ?? e.message })),
      );
    }
    assertYamlExpansionBounded(doc, maxBytes);
    try {
      value = doc.toJS({ maxAliasCount: 10_000 });
    } catch (err) {
      throw invalidSpec("The YAML document cannot be read", [{ pointer: "", message: (err as Error).message }]);
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidSpec("The document must be a JSON or YAML object", [{ pointer: "", message: "not an object" }]);
  }
  assertSpecWalkable(value as Record<string, unknown>, { checkText: format === "yaml" || MAY_HOLD_UNSAFE_TEXT.test(text) });
  return { value: value as Record<string, unknown>, format };
}
