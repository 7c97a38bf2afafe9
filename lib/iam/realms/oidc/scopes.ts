// Which scopes a token gets: what the client asked for, each allowed by the client's
// configuration (or one of OpenID Connect's own); nothing asked means all the client's scopes.
import { OAuthError } from "./oauth-response";

export const OIDC_SCOPES = ["openid", "profile", "email"] as const;

export function grantedScope(requested: string | null, allowed: string[], options: { oidc: boolean }): string {
  if (requested === null || requested.trim() === "") return allowed.join(" ");
  const asked = [...new Set(requested.split(" ").filter(Boolean))];
  const permitted = new Set([...allowed, ...(options.oidc ? OIDC_SCOPES : [])]);
  const refused = asked.filter((s) => !permitted.has(s));
  if (refused.length) throw new OAuthError("invalid_scope", `Scope not allowed for this client: ${refused.join(" ").slice(0, 200)}`);
  return asked.join(" ");
}

/** A refresh may narrow the scope of its login, never widen it (RFC 6749 6). */
export function narrowedScope(requested: string | null, original: string): string {
  if (requested === null) return original;
  const originalSet = new Set(original.split(" "));
  const asked = requested.split(" ").filter(Boolean);
  if (asked.some((s) => !originalSet.has(s))) throw new OAuthError("invalid_scope", "A refresh may not add scopes");
  return asked.join(" ");
}
