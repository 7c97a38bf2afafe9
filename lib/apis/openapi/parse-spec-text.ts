// Turns pasted or uploaded text (JSON or YAML) into a plain object.
import { parseDocument } from "yaml";
import { invalidSpec } from "./invalid-spec";

export function parseSpecText(text: string): Record<string, unknown> {
  const trimmed = text.trimStart();
  let value: unknown;
  if (trimmed.startsWith("{")) {
    // JSON.parse is an order of magnitude faster than a YAML parser on big specs.
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      throw invalidSpec("The document is not valid JSON", [{ pointer: "", message: (err as Error).message }]);
    }
  } else {
    const doc = parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length > 0) {
      throw invalidSpec(
        "The document is not valid YAML or JSON",
        doc.errors.map((e) => ({ pointer: "", message: e.message.split("\n")[0] ?? e.message })),
      );
    }
    value = doc.toJS({ maxAliasCount: 10_000 });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidSpec("The document must be a JSON or YAML object", [{ pointer: "", message: "not an object" }]);
  }
  return value as Record<string, unknown>;
}
