// Every error code the management API can answer, and its HTTP status.
export const errorCodeStatus = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  /** A cookie-authenticated change sent from another origin (CSRF); see lib/http/assert-same-origin.ts. */
  cross_origin_refused: 403,
  not_found: 404,
  conflict: 409,
  invalid_spec: 422,
  /** A PEM certificate or key the gateway could not use (unreadable, expired, key not matching); `problems` says where. */
  invalid_certificate: 422,
  unprocessable: 422,
  /** Publishing refused by a workspace governance rule (e.g. lint errors in the current revision). */
  governance_failed: 422,
  /** A body that is not `application/json`. */
  unsupported_media_type: 415,
  /** Answered by scripts/console-server.mjs before Next sees the request: too slow, URL or headers too big. */
  request_timeout: 408,
  uri_too_long: 414,
  headers_too_large: 431,
  rate_limited: 429,
  /** Sign-in refused for now (too many failures from the address or on the account); see Retry-After. */
  login_throttled: 429,
  /** Sign-in refused: the account is temporarily locked after repeated failures. */
  account_locked: 429,
  /** The password was right; sign-in continues with a second factor (the answer carries a pending-MFA token). */
  mfa_required: 401,
  /** The password was right; policy requires a second factor and none is enrolled: enrol one with the token. */
  mfa_enrolment_required: 401,
  /** Sign-in refused because the shared failure counters (Redis) cannot be reached. */
  login_unavailable: 503,
  /** Redis, where the gateways register themselves, cannot be reached: their state is unknown, not empty. */
  gateway_registry_unavailable: 503,
  /** Redis, where the gateways count calls against limits, cannot be reached: usage is unknown, not zero. */
  usage_unavailable: 503,
  /** The console's test request could not reach the gateway, or the gateway took too long (POST /apis/{apiId}/test-requests). */
  gateway_unreachable: 502,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof errorCodeStatus;
