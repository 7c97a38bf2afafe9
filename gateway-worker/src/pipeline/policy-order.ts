// The one visible table of policy priorities. Higher runs first (Kong's
// convention), ties by name. Gaps are left so future policies slot in without
// renumbering; the planned ones are listed so their place is decided now:
//
//   2100  transport-security  plain HTTP -> 308 to https for APIs that ask; HSTS on HTTPS answers.
//                           First, so every answer of the API carries HSTS, its rejections too
//   2050  cors              answers preflights (before any credential: browsers send none on
//                           them) and adds CORS headers to every answer, rejections included
//   2000  lifecycle         retired -> 410 before any credential is looked at
//   1950  path-encoding     400 for %2F/%5C inside a segment, unless the API allows them;
//                           before the matcher, which decodes segments
//   1900  operation-match   404/405 for what the current revision does not define
//   1850  websocket-upgrade 501 for an upgrade to an API that does not take WebSockets
//   1300  client-certificate  mTLS: the API's CA bundle verifies the client's certificate
//                           (ctx.clientCertificate); before the key, as the handshake already
//                           made it, and so unauthenticated callers cannot probe keys
//   1250  subscription-key  identifies ctx.subscription; all below may rely on it
//   1200  ip-filter         403 ip_forbidden by allow/deny CIDRs (client IP via trusted proxies);
//                           after the key so a product's filter applies, before any signature check
//   1100  jwt-validation    bearer token (ctx.jwt). After the key, unlike Kong: the key is a
//                           map lookup, so keyless floods are refused before any signature
//                           check or JWKS fetch they could otherwise trigger
//   1080  access-rules      403 access_denied by the CEL rules of the most specific scope (claims,
//                           client, roles, IP, time, method, path, headers); right after the token,
//                           before anything reads the body or counts the call
//   1050  body-size         413 by Content-Length now, by counting a chunked body as it streams
//    910  limits            rate limits and quotas of every scope in one atomic Redis script (so a
//                           call refused by one limit consumes none); after the key and the token,
//                           which name the caller, so unidentified floods never reach Redis
//    850  request-validation  400 request_invalid against the revision's schemas; after the limits,
//                           so floods are counted before the gateway parses their bodies
//    100  header-rules      sets/removes request and response headers; last, so every check above
//                           sees the request as the client sent it
//     90  identity-forwarding  subject/client/roles headers from the verified token (removed when
//                           none verified, so clients cannot inject them), token header stripped
//                           on request; after header-rules, so no rule overwrites them
//     10  analytics         (planned) observes only, never rejects
export const POLICY_PRIORITY = {
  "transport-security": 2100,
  cors: 2050,
  lifecycle: 2000,
  "path-encoding": 1950,
  "operation-match": 1900,
  "websocket-upgrade": 1850,
  "client-certificate": 1300,
  "subscription-key": 1250,
  "ip-filter": 1200,
  "jwt-validation": 1100,
  "access-rules": 1080,
  "body-size": 1050,
  limits: 910,
  "request-validation": 850,
  "header-rules": 100,
  "identity-forwarding": 90,
} as const;
