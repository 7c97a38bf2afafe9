// The one way an import is refused: the document is unusable, with pointers to why.
import { ApiError } from "@/lib/http/errors";

export type SpecProblem = { pointer: string; message: string };

export function invalidSpec(message: string, problems: SpecProblem[]): ApiError {
  return new ApiError("invalid_spec", message, { problems });
}

/**
 * Backstop for what assertSpecWalkable should already have refused: a recursive walker
 * (Redocly, swagger2openapi) overflowing its stack or meeting a $ref loop is the document's
 * fault, never a 500. Anything else is returned unchanged.
 */
export function asInvalidSpec(err: unknown): unknown {
  const message = err instanceof Error ? err.message : "";
  if (err instanceof RangeError && message.includes("call stack")) {
    return invalidSpec("The document nests too deeply to be read", [{ pointer: "", message }]);
  }
  if (message.startsWith("Self-referencing circular pointer")) return invalidSpec("A $ref loop never reaches a value", [{ pointer: "", message }]);
  return err;
}
