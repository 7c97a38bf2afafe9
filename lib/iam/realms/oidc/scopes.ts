// Which scopes a token gets: the request is checked against the client's plain scopes and
// client scopes in ../realm-client-scope-grant.ts; a refresh may only narrow its login's scopes.
import { OAuthError } from "./oauth-response";

/** A refresh may narrow the scope of its login, never widen it (RFC 6749 6). */
export function narrowedScope(requested: string | null, original: string): string {
  if (requested === null) return original;
  const originalSet = new Set(original.split(" "));
  const asked = requested.split(" ").filter(Boolean);
  if (asked.some((s) => !originalSet.has(s))) throw new OAuthError("invalid_scope", "A refresh may not add scopes");
  return asked.join(" ");
}
