// Every error the gateway itself answers, in one place, with one body shape:
// {"error":{"code","message"}} and content-type application/json. Clients
// (and the developer portal's docs) can rely on `code`; messages are for humans.
import { STATUS_CODES, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { addResponseBodyBytes } from "./response-body-bytes.js";

export const gatewayErrors = {
  bad_request: { status: 400, message: "The request could not be understood by the gateway." },
  // The backend must see the path the gateway matched; anything a backend could read differently is refused.
  invalid_path: {
    status: 400,
    message: "The path contains a dot segment or an encoded '/' or '\\', which this API does not accept.",
  },
  missing_subscription_key: {
    status: 401,
    message:
      "Access denied due to missing subscription key. Include the subscription key when making requests to the API.",
  },
  invalid_subscription_key: {
    status: 401,
    message: "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.",
  },
  subscription_inactive: {
    status: 403,
    message: "The subscription is not active (suspended, awaiting approval or expired).",
  },
  // Bearer tokens (RFC 6750). invalid_token answers say which check failed, never echoing the token.
  missing_token: { status: 401, message: "Access denied due to a missing bearer token. Send it as 'Authorization: Bearer <token>'." },
  invalid_token: { status: 401, message: "The bearer token is invalid." },
  insufficient_scope: { status: 403, message: "The bearer token lacks a scope or role this API requires." },
  // Valid signature, but its issuer revoked it, its login, its client or its user (config channel denials).
  token_revoked: { status: 401, message: "The bearer token has been revoked." },
  // The subscription is bound to one app (portal My apps) and the token was issued to another client.
  client_not_bound: {
    status: 403,
    message: "The bearer token was not issued to the app bound to this subscription. Get a token for that app, or change the subscription's app in the developer portal.",
  },
  // An access rule (CEL) of the API or operation refused the call; the message names the rule.
  access_denied: { status: 403, message: "An access rule of this API refused the call." },
  // Mutual TLS (policies/client-certificate.ts): the message of an invalid one says which check failed.
  client_certificate_required: { status: 401, message: "This API requires a client certificate, sent during the TLS handshake over HTTPS." },
  client_certificate_invalid: { status: 401, message: "The client certificate is not valid for this API." },
  // Not an error: the answer to a plain-HTTP request for an API served over HTTPS only; Location says where.
  https_required: { status: 308, message: "This API is served over HTTPS only. Repeat the request at the Location given." },
  ip_forbidden: { status: 403, message: "Calls from this address are not allowed for this API." },
  cors_forbidden: { status: 403, message: "This origin, method or path may not be called from a browser on another site." },
  request_invalid: { status: 400, message: "The request does not match the API's definition." },
  payload_too_large: { status: 413, message: "The request body is larger than this API accepts." },
  // Limits: Retry-After says when the call may pass; quota_exceeded may be 403 if the product says so.
  rate_limited: { status: 429, message: "Rate limit exceeded. Retry after the time given in Retry-After." },
  quota_exceeded: { status: 429, message: "Quota exceeded for this period. Retry after the time given in Retry-After." },
  limiter_unavailable: { status: 503, message: "Limits cannot be checked right now, and this API does not allow calls without them. Retry shortly." },
  route_not_found: { status: 404, message: "No API is published at this path." },
  operation_not_found: { status: 404, message: "The API's current revision has no operation at this path." },
  api_version_not_found: { status: 404, message: "The requested API version does not exist." },
  method_not_allowed: { status: 405, message: "This method is not allowed on this path." },
  request_timeout: { status: 408, message: "The request was not received in time." },
  api_retired: { status: 410, message: "This API has been retired and is no longer available." },
  internal_error: { status: 500, message: "The gateway failed to process the request." },
  upgrade_not_supported: { status: 501, message: "This API does not accept WebSocket connections." },
  backend_unavailable: { status: 502, message: "The backend service could not be reached." },
  backend_invalid_response: { status: 502, message: "The backend switched protocols although the request did not ask it to." },
  // Not one of the API's backends may take requests now: ejected, failing health checks or with an open breaker.
  no_healthy_backend: { status: 503, message: "No healthy backend is available for this API. Retry shortly." },
  gateway_not_configured: {
    status: 503,
    message: "The gateway has not received its configuration yet. Retry shortly.",
  },
  jwks_unavailable: {
    status: 503,
    message: "The token issuer's signing keys (JWKS) could not be fetched, so the token cannot be checked. Retry shortly.",
  },
  backend_timeout: { status: 504, message: "The backend service did not respond in time." },
} as const satisfies Record<string, { status: number; message: string }>;

export type GatewayErrorCode = keyof typeof gatewayErrors;

/** What a policy (or the gateway) answers instead of forwarding the request. */
export interface Rejection {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
  /** Each problem found, for answers that list several (request_invalid: a JSON pointer each). */
  details?: readonly { pointer: string; message: string }[];
}

export function rejection(code: GatewayErrorCode, headers?: Record<string, string>, message?: string): Rejection {
  const { status, message: standard } = gatewayErrors[code];
  return { status, code, message: message ?? standard, ...(headers ? { headers } : {}) };
}

/**
 * The code each response was answered with, read once it closes (metrics count rejections by
 * reason). Kept on the response itself: a WeakMap written per request keeps requests alive
 * through scavenges once its table is in the old generation (see server.ts).
 */
const kAnsweredCode = Symbol("portcullis.answeredCode");
type AnsweredResponse = ServerResponse & { [kAnsweredCode]?: string };

/** The error code the gateway answered `res` with itself; undefined when the backend answered. */
export function answeredCode(res: ServerResponse): string | undefined {
  return (res as AnsweredResponse)[kAnsweredCode];
}

/**
 * Writes the error unless the response already started (e.g. the backend died
 * mid-body): then the only honest signal left is to cut the connection.
 */
export function sendRejection(res: ServerResponse, r: Rejection): void {
  if (!res.destroyed) (res as AnsweredResponse)[kAnsweredCode] = r.code;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (res.destroyed) return;
  for (const [name, value] of Object.entries(r.headers ?? {})) res.setHeader(name, value);
  // A policy answering in the gateway's place without content (a CORS preflight) is not an error.
  if (r.status === 204) return void res.writeHead(204).end();
  const body = JSON.stringify({ error: { code: r.code, message: r.message, ...(r.details ? { details: r.details } : {}) } });
  res.statusCode = r.status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  const bytes = Buffer.byteLength(body);
  res.setHeader("content-length", bytes);
  res.setHeader("cache-control", "no-store");
  addResponseBodyBytes(res, bytes);
  res.end(body);
}

export function sendError(res: ServerResponse, code: GatewayErrorCode, headers?: Record<string, string>): void {
  sendRejection(res, rejection(code, headers));
}

/**
 * The same answer written straight to a socket, for requests that never get a
 * ServerResponse (malformed HTTP, refused upgrades); the connection is then closed.
 */
/** Returns the body's size in bytes (0 when the socket was already gone). */
export function writeSocketRejection(socket: Duplex, r: Rejection, headers: Record<string, string> = {}): number {
  if (!socket.writable) {
    socket.destroy();
    return 0;
  }
  const body = JSON.stringify({ error: { code: r.code, message: r.message } });
  const all = {
    ...headers,
    ...r.headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    "cache-control": "no-store",
    connection: "close",
  };
  const head = [`HTTP/1.1 ${r.status} ${STATUS_CODES[r.status] ?? ""}`, ...Object.entries(all).map(([k, v]) => `${k}: ${v}`)];
  socket.once("finish", () => socket.destroy());
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
  return Buffer.byteLength(body);
}
