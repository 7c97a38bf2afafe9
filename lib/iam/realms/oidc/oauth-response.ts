import { logger } from "@/lib/logger";

// Answers of the protocol endpoints, shaped as the OAuth RFCs say ({"error","error_description"},
// RFC 6749 5.2), not as the management API's error envelope: relying parties parse these.
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = "OAuthError";
  }
}

/** Tokens and token metadata must never be cached (RFC 6749 5.1). */
const noStore = { "cache-control": "no-store", pragma: "no-cache" };

/** Protocol metadata is public: any origin may read it (SPAs discover and fetch keys cross-origin). */
export const publicCors = { "access-control-allow-origin": "*" };

export function oauthJson(body: unknown, init: { status?: number; headers?: Record<string, string>; cacheable?: boolean } = {}) {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "content-type": "application/json", ...(init.cacheable ? {} : noStore), ...publicCors, ...init.headers },
  });
}

/** Maps any failure of a protocol endpoint: ours as the RFC says, anything else as a bare server_error. */
export function oauthErrorResponse(err: unknown): Response {
  if (err instanceof OAuthError) {
    return oauthJson({ error: err.error, error_description: err.description }, { status: err.status, headers: err.headers });
  }
  logger().error({ err: err instanceof Error ? err.message : err }, "oauth endpoint failed");
  return oauthJson({ error: "server_error", error_description: "The server could not handle the request" }, { status: 500 });
}

/** Reads an application/x-www-form-urlencoded body (RFC 6749 3.2); anything else is invalid_request. */
export async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw new OAuthError("invalid_request", "The body must be application/x-www-form-urlencoded");
  }
  const form = new URLSearchParams(await request.text());
  // RFC 6749 3.2: parameters must not be repeated; a duplicate could mean two readers see two values.
  for (const key of new Set(form.keys())) {
    if (form.getAll(key).length > 1) throw new OAuthError("invalid_request", `The parameter '${key}' is repeated`);
  }
  return form;
}
