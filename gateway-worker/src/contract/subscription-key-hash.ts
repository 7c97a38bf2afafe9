// The one way a subscription key becomes a keyHash: the console stores it, the gateway matches it.
// Kept out of config-snapshot.ts so the schemas stay free of node:crypto and browser forms can
// validate with the schemas built on them.
import { createHash } from "node:crypto";

export function hashSubscriptionKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}
