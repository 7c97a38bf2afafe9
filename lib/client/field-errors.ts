// Which form field a refusal of the management API is about, so the form can say it under
// that field. Three shapes carry it: `issues` [{path, message}] (validation_failed, from zod,
// the path as dotted keys of the request body), `problems` [{pointer, message}] (a certificate
// or spec URL refused, at its JSON pointer) and `field` beside code and message (a conflict
// such as a gateway path or a name already taken).
import { ApiRequestError } from "./api-client";

/** Request-body path → the form control's `name`, where the two differ (e.g. "backends.0.url" → "backendUrl"). */
export type FieldAliases = Readonly<Record<string, string>>;

export type FieldErrorMap = Readonly<Record<string, string>>;

type Issue = { path: string; message: string };

/** "/mtls/caCertificates/0" → "mtls.caCertificates.0" (RFC 6901 escapes undone). */
const pathOfPointer = (pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    .join(".");

function issuesOf(details: Record<string, unknown>): Issue[] {
  const listed = (key: string) => (Array.isArray(details[key]) ? (details[key] as unknown[]) : []);
  const issues = listed("issues").flatMap((item) => {
    const { path, message } = (item ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === "string" && typeof message === "string" ? [{ path, message }] : [];
  });
  const problems = listed("problems").flatMap((item) => {
    const { pointer, message } = (item ?? {}) as { pointer?: unknown; message?: unknown };
    return typeof pointer === "string" && typeof message === "string" ? [{ path: pathOfPointer(pointer), message }] : [];
  });
  return [...issues, ...problems];
}

/**
 * The control a request path concerns: the alias of the path or of its longest aliased prefix
 * ("gatewayPolicy.ipFilter.allow.0" → the alias of "gatewayPolicy.ipFilter.allow"), else the path.
 */
export function controlNameOf(path: string, aliases: FieldAliases): string {
  for (let prefix = path; prefix; prefix = prefix.slice(0, Math.max(0, prefix.lastIndexOf(".")))) {
    const alias = aliases[prefix];
    if (alias) return alias;
  }
  return path;
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
    const name = controlNameOf(path, aliases);
    byField[name] = byField[name] && byField[name] !== message ? `${byField[name]}; ${message}` : message;
  }
  return byField;
}
