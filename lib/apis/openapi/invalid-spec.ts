// The one way an import is refused: the document is unusable, with pointers to why.
import { ApiError } from "@/lib/http/errors";

export type SpecProblem = { pointer: string; message: string };

export function invalidSpec(message: string, problems: SpecProblem[]): ApiError {
  return new ApiError("invalid_spec", message, { problems });
}
