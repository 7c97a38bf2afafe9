// Which form field a refusal of the management API is about, so the form can say it under
// that field. Two shapes carry it: `issues` [{path, message}] (validation_failed, from zod,
// the path as dotted keys of the request body) and `field` beside code and message (a
// conflict such as a gateway path or a name already taken).
import { ApiRequestError } from "./api-client";

/** Request-body path → the form control's `name`, where the two differ (e.g. "backends.0.url" → "backendUrl"). */
export type FieldAliases = Readonly<Record<string, string>>;

export type FieldErrorMap = Readonly<Record<string, string>>;

type Issue = { path: string; message: string };

function issuesOf(details: Record<string, unknown>): Issue[] {
  const list = details.issues;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const { path, message } = (item ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === "string" && typeof message === "string" ? [{ path, message }] : [];
  });
}

/**
 * The message for each field the error names, keyed by the form's control names. Several
 * issues on one field are joined; an issue without a path (the whole body) names no field.
 */
export function fieldErrorsOf(error: unknown, aliases: FieldAliases = {}): FieldErrorMap {
  if (!(error instanceof ApiRequestError)) return {};
  const found: Issue[] = issuesOf(error.details);
  const field = error.details.field;
  if (typeof field === "string" && field) found.push({ path: field, message: error.message });
  const byField: Record<string, string> = {};
  for (const { path, message } of found) {
    if (!path) continue;
    const name = aliases[path] ?? path;
    byField[name] = byField[name] && byField[name] !== message ? `${byField[name]}; ${message}` : message;
  }
  return byField;
}
