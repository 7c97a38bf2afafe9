-- A realm's sessions list (newest sign-in first) and "sign out everywhere" per user.
CREATE INDEX "RealmRefreshFamily_realmId_createdAt_idx" ON "RealmRefreshFamily"("realmId", "createdAt");
CREATE INDEX "RealmRefreshFamily_userId_idx" ON "RealmRefreshFamily"("userId");
