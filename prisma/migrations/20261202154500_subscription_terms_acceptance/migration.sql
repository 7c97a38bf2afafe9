-- The terms a developer accepted to subscribe to a product (issue #19): when, by whom, the text
-- as it read then and its version (SHA-256 of that text). Null for subscriptions without terms.
ALTER TABLE "Subscription" ADD COLUMN "termsAcceptedAt" TIMESTAMP(3),
ADD COLUMN "termsAcceptedById" TEXT,
ADD COLUMN "termsText" TEXT,
ADD COLUMN "termsVersion" TEXT;
