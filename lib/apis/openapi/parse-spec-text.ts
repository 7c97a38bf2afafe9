// Turns pasted, uploaded or fetched text (JSON or YAML) into a plain object: the one parse of an import.
import { parseDocument } from "yaml";
import { invalidSpec } from "./invalid-spec";

export type ParsedSpecText = { value: Record<string, unknown>; format: "json" | "yaml" };

export function parseSpecText(text: string): ParsedSpecText {
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
    if (doc.errors.length > 0) {
      throw invalidSpec(
        "The document is not valid YAML or JSON",
        doc.errors.slice(0, 20).map((e) => ({ pointer: "", message: e.message.split("\n")[0] ?? e.message })),
      );
    }
    try {
      value = doc.toJS({ maxAliasCount: 10_000 });
    } catch (err) {
      throw invalidSpec("The YAML document cannot be read", [{ pointer: "", message: (err as Error).message }]);
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidSpec("The document must be a JSON or YAML object", [{ pointer: "", message: "not an object" }]);
  }
  return { value: value as Record<string, unknown>, format };
}
