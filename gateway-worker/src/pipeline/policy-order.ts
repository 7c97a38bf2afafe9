// The one visible table of policy priorities. Higher runs first (Kong's
// convention), ties by name. Gaps are left so future policies slot in without
// renumbering; the planned ones are listed so their place is decided now:
//
//   2000  lifecycle         retired -> 410 before any credential is looked at
//   1900  operation-match   404/405 for what the current revision does not define
//   1250  subscription-key  identifies ctx.subscription; all below may rely on it
//   1100  jwt-validation    bearer token (ctx.jwt). After the key, unlike Kong: the key is a
//                           map lookup, so keyless floods are refused before any signature
//                           check or JWKS fetch they could otherwise trigger
//    910  rate-limit        (planned) per subscription, from product.rateLimit
//    900  quota             (planned) per subscription and period, from product.quota
//     10  analytics         (planned) observes only, never rejects
export const POLICY_PRIORITY = {
  lifecycle: 2000,
  "operation-match": 1900,
  "subscription-key": 1250,
  "jwt-validation": 1100,
} as const;
