-- Management write latency at catalogue scale (issue #15): every subscription state change first
-- sweeps the subscriptions past their expiry (expire-due-subscriptions.ts). Filtered on the state
-- alone that read every live subscription (245 ms at 100,000); on expiresAt it reads the few due.
CREATE INDEX "Subscription_expiresAt_idx" ON "Subscription"("expiresAt");
