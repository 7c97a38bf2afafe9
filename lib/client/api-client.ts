// Browser-side client for the management API. Requests ride on the next-auth
// session cookie (same origin), exactly the endpoints scripts call with a Bearer token.

/** Thrown for any non-2xx answer; carries the `{"error":{code,message,...}}` body. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Everything beside code and message, e.g. `problems` from a spec import. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown } & Record<string, unknown> };

async function toRequestError(response: Response): Promise<ApiRequestError> {
  let body: ErrorBody | undefined;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (proxy error page, crash): fall back to the status line.
  }
  const { code, message, ...details } = body?.error ?? {};
  return new ApiRequestError(
    response.status,
    typeof code === "string" ? code : `http_${response.status}`,
    typeof message === "string" ? message : `Request failed: ${response.status} ${response.statusText}`.trim(),
    details,
  );
}

/** Fetch `path` (e.g. "/api/v1/apis") and parse the JSON answer as T. Throws ApiRequestError. */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set("Accept", "application/json");
  if (typeof init.body === "string" && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");

  const response = await fetch(path, { ...init, headers, credentials: "same-origin", cache: "no-store" });
  if (!response.ok) throw await toRequestError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** JSON-encoding shorthand for POST/PATCH bodies. */
export function jsonBody(method: "POST" | "PATCH" | "PUT" | "DELETE", body: unknown): RequestInit {
  return { method, body: JSON.stringify(body) };
}

/** `path?a=1&b=2` from the filters that are set; an empty or absent filter is left out. */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A path segment from an id, so an id never changes which route is called. */
export const segment = (id: string) => encodeURIComponent(id);
