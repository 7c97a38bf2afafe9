// The one visible table of policy priorities. Higher runs first (Kong's
// convention). Gaps are left on purpose so future policies slot in without
// renumbering; the planned ones are listed so their place is decided now.
export const POLICY_PRIORITY = {
  /** Retired APIs answer 410 before any credential is even looked at. */
  lifecycle: 2000,
  /** planned: jwt: 1450 — validate a bearer token (before the key, as in Kong). */
  /** Identifies the caller's subscription; everything below may rely on ctx.subscription. */
  "subscription-key": 1250,
  /** planned: rate-limit: 910 — per subscription, from the product's rateLimit. */
  /** planned: quota: 900 — per subscription and period, from the product's quota. */
  /** planned: analytics: 10 — observes only, never rejects. */
} as const;
