// Runs first, so every answer of an API (its rejections included) obeys it:
// a plain-HTTP request to an API with `httpsRedirect` gets 308 to the same URL
// over https (308, unlike 301, keeps the method and body); an HTTPS answer of an
// API with `hsts` carries Strict-Transport-Security. Never on plain HTTP, where
// RFC 6797 says browsers must ignore it.
import { z } from "zod";
import { apiHstsSchema } from "../contract/api-tls.js";
import { rejection } from "../http/errors.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy, PolicyContext } from "./policy.js";

const settingsSchema = z
  .object({ httpsRedirect: z.boolean().default(false), hsts: apiHstsSchema.nullable().default(null) })
  .transform(({ httpsRedirect, hsts }) => ({
    httpsRedirect,
    hstsHeader: hsts ? `max-age=${hsts.maxAgeSeconds}${hsts.includeSubDomains ? "; includeSubDomains" : ""}` : null,
  }));
type TransportSettings = z.output<typeof settingsSchema>;

/** https://<host of the request>[:port]<path>?<query>, or null when the Host header is unusable. */
function httpsLocation(ctx: PolicyContext, port: number): string | null {
  const host = ctx.headers.host;
  if (!host) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
  const authority = port === 443 ? hostname : `${hostname}:${port}`;
  return `https://${authority}${ctx.pathname}${ctx.query ? `?${ctx.query}` : ""}`;
}

export const transportSecurityPolicy: Policy<TransportSettings> = {
  name: "transport-security",
  priority: POLICY_PRIORITY["transport-security"],
  schema: settingsSchema,
  settingsFor: (api) => ({ httpsRedirect: api.tls?.httpsRedirect, hsts: api.tls?.hsts ?? undefined }),
  inactive: (settings) => !settings.httpsRedirect && !settings.hstsHeader,
  handle(ctx, settings) {
    if (ctx.connection?.secure) {
      if (settings.hstsHeader) ctx.responseHeaders["strict-transport-security"] = settings.hstsHeader;
      return undefined;
    }
    if (!settings.httpsRedirect) return undefined;
    const port = ctx.connection?.httpsRedirectPort ?? 443;
    const location = httpsLocation(ctx, port);
    if (!location) return rejection("bad_request", undefined, "A Host header is needed to redirect to HTTPS.");
    return rejection("https_required", { location });
  },
};
