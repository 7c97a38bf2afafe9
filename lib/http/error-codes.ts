// Every error code the management API can answer, and its HTTP status.
export const errorCodeStatus = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_spec: 422,
  unprocessable: 422,
  /** Publishing refused by a workspace governance rule (e.g. lint errors in the current revision). */
  governance_failed: 422,
  rate_limited: 429,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof errorCodeStatus;
