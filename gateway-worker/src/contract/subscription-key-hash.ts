// The one way a subscription key becomes a keyHash: the console stores it, the gateway matches it.
// Kept out of config-snapshot.ts so the schemas stay free of node:crypto and browser forms can
// validate with the schemas built on them.
import { hash } from "node:crypto";

/** One-shot crypto.hash: a gateway hashes every request's key, and it costs a third of createHash's object. */
export function hashSubscriptionKey(key: string): string {
  return hash("sha256", key, "hex");
}
