// Which text of a product's terms a developer accepted: the SHA-256 of it, so the portal can
// send the version it showed and a subscription records exactly what was agreed to.
import { createHash } from "node:crypto";

export function termsVersionOf(terms: string): string {
  return createHash("sha256").update(terms, "utf8").digest("hex");
}
