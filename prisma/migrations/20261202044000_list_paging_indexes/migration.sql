-- Keyset paging of the management API's lists (lib/http/cursor-page.ts): each list's
-- order (sort columns, then id) is backed by an index.

-- CreateIndex
CREATE INDEX "Api_name_id_idx" ON "Api"("name", "id");

-- CreateIndex
CREATE INDEX "Subscription_createdAt_id_idx" ON "Subscription"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Subscription_userId_createdAt_id_idx" ON "Subscription"("userId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Subscription_state_createdAt_id_idx" ON "Subscription"("state", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AdminApiToken_createdAt_id_idx" ON "AdminApiToken"("createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_at_id_idx" ON "AuditEvent"("at", "id");
