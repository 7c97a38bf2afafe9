// Why the gateway answered a request itself, for the rejections metric: one
// row per error code, so a policy added later is counted the moment its code
// gets a row here, without the policy knowing about metrics at all.
export const rejectionReasons = [
  "key",
  "jwt",
  "access",
  "rate",
  "quota",
  "limiter",
  "ip",
  "cors",
  "size",
  "validation",
  "client_cert",
  "tls",
  "route",
  "method",
  "lifecycle",
  "path",
  "malformed",
  "timeout",
  "upgrade",
  "backend",
  "config",
  "internal",
  "other",
] as const;

export type RejectionReason = (typeof rejectionReasons)[number];

export const REJECTION_REASON_BY_CODE: Readonly<Record<string, RejectionReason>> = {
  missing_subscription_key: "key",
  invalid_subscription_key: "key",
  subscription_inactive: "key",
  missing_token: "jwt",
  invalid_token: "jwt",
  insufficient_scope: "jwt",
  jwks_unavailable: "jwt",
  token_revoked: "jwt",
  client_not_bound: "jwt",
  access_denied: "access",
  rate_limited: "rate",
  quota_exceeded: "quota",
  limiter_unavailable: "limiter",
  ip_forbidden: "ip",
  cors_forbidden: "cors",
  payload_too_large: "size",
  request_invalid: "validation",
  client_certificate_required: "client_cert",
  client_certificate_invalid: "client_cert",
  https_required: "tls",
  route_not_found: "route",
  operation_not_found: "route",
  api_version_not_found: "route",
  method_not_allowed: "method",
  api_retired: "lifecycle",
  invalid_path: "path",
  bad_request: "malformed",
  request_timeout: "timeout",
  upgrade_not_supported: "upgrade",
  backend_unavailable: "backend",
  backend_invalid_response: "backend",
  backend_timeout: "backend",
  no_healthy_backend: "backend",
  gateway_not_configured: "config",
  internal_error: "internal",
};

export function rejectionReason(code: string): RejectionReason {
  return Object.hasOwn(REJECTION_REASON_BY_CODE, code) ? REJECTION_REASON_BY_CODE[code]! : "other";
}
