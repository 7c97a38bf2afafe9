// The one visible table of policy priorities. Higher runs first (Kong's
// convention), ties by name. Gaps are left so future policies slot in without
// renumbering; the planned ones are listed so their place is decided now:
//
//   2000  lifecycle         retired -> 410 before any credential is looked at
//   1950  path-encoding     400 for %2F/%5C inside a segment, unless the API allows them;
//                           before the matcher, which decodes segments
//   1900  operation-match   404/405 for what the current revision does not define
//   1850  websocket-upgrade 501 for an upgrade to an API that does not take WebSockets
//   1250  subscription-key  identifies ctx.subscription; all below may rely on it
//   1100  jwt-validation    bearer token (ctx.jwt). After the key, unlike Kong: the key is a
//                           map lookup, so keyless floods are refused before any signature
//                           check or JWKS fetch they could otherwise trigger
//    910  rate-limit        (planned) per subscription, from product.rateLimit
//    900  quota             (planned) per subscription and period, from product.quota
//     10  analytics         (planned) observes only, never rejects
export const POLICY_PRIORITY = {
  lifecycle: 2000,
  "path-encoding": 1950,
  "operation-match": 1900,
  "websocket-upgrade": 1850,
  "subscription-key": 1250,
  "jwt-validation": 1100,
} as const;
