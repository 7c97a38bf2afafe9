// The domain's one error type and its body `{"error":{"code","message"}}`; free of Next, so a service
// that throws pulls in no HTTP framework. The NextResponse converter is ./error-response.ts.
import { ZodError, type z } from "zod";
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

/** The PostgreSQL SQLSTATE behind a Prisma error: @prisma/adapter-pg puts it in the driver adapter error's cause. */
function sqlStateOf(err: unknown): string | undefined {
  const meta = (err as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } })?.meta;
  const code = meta?.driverAdapterError?.cause?.originalCode ?? (err as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

// A value the database cannot take (an int above 2^31-1, a NUL byte, year 0) is bad input, not our failure:
// SQLSTATE class 22 is "data exception"; 54000 is a value too large for its index.
/** Prisma's names for bad values: too long (22001), invalid text (22P02), out of range (22003). */
const BAD_VALUE_CODES = new Set(["P2000", "P2007", "P2020"]);

function fromPrisma(err: unknown): ApiError | undefined {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== "string") return undefined;
  // A pg error that reached us without Prisma's wrapping carries the SQLSTATE itself.
  if (isBadValueState(code)) return badValue();
  if (!code.startsWith("P")) return undefined;
  if (code === "P2002") return uniqueConflict(err);
  if (code === "P2025") return new ApiError("not_found", "Resource not found");
  if (code === "P2003") return new ApiError("unprocessable", "A referenced resource does not exist");
  const sqlState = sqlStateOf(err);
  if (BAD_VALUE_CODES.has(code) || (sqlState !== undefined && isBadValueState(sqlState))) return badValue();
  return undefined;
}

type UniqueMeta = { modelName?: unknown; target?: unknown; driverAdapterError?: { cause?: { constraint?: { index?: unknown; fields?: unknown } } } };

/** "RealmClient" → "realm client". */
const words = (model: string) => model.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

/**
 * The field a unique violation is about, so the console can say it under that field. Prisma names
 * unique indexes `<Model>_<field>…_key`; in a compound one the scope (e.g. realmId) comes first,
 * so the last field is what the caller chose.
 */
function uniqueConflict(err: unknown): ApiError {
  const meta = ((err as { meta?: UniqueMeta })?.meta ?? {}) as UniqueMeta;
  const model = typeof meta.modelName === "string" ? meta.modelName : undefined;
  const constraint = meta.driverAdapterError?.cause?.constraint;
  let fields: string[] = [];
  if (Array.isArray(meta.target)) fields = meta.target.filter((f): f is string => typeof f === "string");
  else if (Array.isArray(constraint?.fields)) fields = constraint.fields.filter((f): f is string => typeof f === "string");
  else if (typeof constraint?.index === "string" && model && constraint.index.startsWith(`${model}_`) && constraint.index.endsWith("_key")) {
    fields = constraint.index.slice(model.length + 1, -"_key".length).split("_");
  }
  const field = fields.at(-1)?.replace(/^"|"$/g, "");
  if (!model || !field) return new ApiError("conflict", "A resource with the same unique value already exists");
  return new ApiError("conflict", `A ${words(model)} with this ${field} already exists`, { field });
}

const isBadValueState = (sqlState: string) => /^22[0-9A-Z]{3}$/.test(sqlState) || sqlState === "54000";

const badValue = () =>
  new ApiError("validation_failed", "A value cannot be stored: it is too long, out of range or holds characters the database refuses");

type FieldIssue = { path: string; message: string };

/**
 * One entry per invalid field. A union that no branch matched (e.g. JWT requirements by
 * issuer or by realm) reports the branch that came closest, i.e. with the fewest issues,
 * so the caller sees "algorithms.1: 'HS256' is refused" rather than "Invalid input".
 */
function fieldIssues(issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[] = []): FieldIssue[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      return fieldIssues(closest, path);
    }
    return [{ path: path.map(String).join("."), message: issue.message }];
  });
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ZodError) {
    const issues = fieldIssues(err.issues);
    const message = issues.map((i) => `${i.path || "(body)"}: ${i.message}`).join("; ");
    return new ApiError("validation_failed", message, { issues });
  }
  return fromPrisma(err) ?? new ApiError("internal_error", "Internal server error");
}
