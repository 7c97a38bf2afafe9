// One error type for the domain, one converter to `{"error":{"code","message"}}`.
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { errorCodeStatus, type ErrorCode } from "./error-codes";

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra fields placed beside code and message (e.g. `problems`). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return errorCodeStatus[this.code];
  }
}

export const notFound = (entity: string, id: string) => new ApiError("not_found", `${entity} '${id}' not found`);

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...details } };
}

function fromPrisma(err: unknown): ApiError | undefined {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== "string" || !code.startsWith("P")) return undefined;
  if (code === "P2002") return new ApiError("conflict", "A resource with the same unique value already exists");
  if (code === "P2025") return new ApiError("not_found", "Resource not found");
  if (code === "P2003") return new ApiError("unprocessable", "A referenced resource does not exist");
  // A value out of its column's range (e.g. an int above 2^31-1) is bad input, not our failure.
  if (code === "P2020") return new ApiError("validation_failed", "A value is out of range for its field");
  return undefined;
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
    return new ApiError("validation_failed", message, {
      issues: err.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return fromPrisma(err) ?? new ApiError("internal_error", "Internal server error");
}

export function errorResponse(err: unknown): NextResponse {
  const apiError = toApiError(err);
  if (apiError.code === "internal_error") console.error(err);
  return NextResponse.json(errorBody(apiError.code, apiError.message, apiError.details), { status: apiError.status });
}
