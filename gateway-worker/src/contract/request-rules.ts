// The request rules of a scope (scope-policy.ts): CORS, IP filter, header
// rules, body size limit, request validation. Validated here once for the
// console's forms, the management API and the gateway's snapshot check, so a
// rule the gateway could not apply never gets stored.
import { z } from "zod";

/** RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

/**
 * Names a header rule may never set or remove: hop-by-hop ones describe one
 * connection (RFC 9110 §7.6.1), framing and Host belong to the gateway, and
 * the forwarding headers are the gateway's account of who called.
 */
export const RESERVED_HEADER_NAMES: ReadonlySet<string> = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "content-length",
  "host",
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
  "x-forwarded-port",
  "forwarded",
  "x-real-ip",
]);

export const headerNameSchema = z
  .string()
  .regex(HEADER_NAME, "a header name (letters, digits and !#$%&'*+.^_`|~-)")
  .refine((name) => !RESERVED_HEADER_NAMES.has(name.toLowerCase()), "a hop-by-hop, framing or forwarding header, which the gateway owns");

/** Visible ASCII and inner spaces/tabs: what Node writes without throwing, and no CR/LF smuggling. */
const headerValueSchema = z.string().max(4096).regex(/^[\t\x20-\x7e\x80-\xff]*$/, "no control characters");

const headerEditsSchema = z
  .object({
    set: z.record(headerNameSchema, headerValueSchema).optional().describe("Header name -> value, replacing any value"),
    remove: z.array(headerNameSchema).max(100).optional().describe("Header names to drop"),
  })
  .strict()
  .refine((e) => Object.keys(e.set ?? {}).length <= 100, "at most 100 headers to set");

export const headerRulesSchema = z
  .object({
    request: headerEditsSchema.optional().describe("Applied to the request before it is forwarded"),
    response: headerEditsSchema.optional().describe("Applied to the backend's response before it is relayed"),
  })
  .strict();

// The contract imports nothing but zod, so addresses are checked here by hand (strictly:
// dotted quads without leading zeros, IPv6 with at most one "::" and no zone); the console
// checks them again with ipaddr.js and the gateway parses them with it.
const IPV4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const isIPv4 = (text: string) => {
  const octets = text.split(".");
  return octets.length === 4 && octets.every((o) => IPV4_OCTET.test(o));
};
function isIPv6(text: string): boolean {
  const halves = text.split("::");
  if (halves.length > 2 || !/^[0-9A-Fa-f:.]+$/.test(text)) return false;
  const groups = halves.flatMap((half) => (half === "" ? [] : half.split(":")));
  let count = groups.length;
  // An IPv4 tail ("::ffff:192.0.2.1") stands for two groups.
  if (groups.length > 0 && groups[groups.length - 1].includes(".")) {
    if (!isIPv4(groups.pop()!)) return false;
    count += 1;
  }
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Whether `text` is one IPv4/IPv6 address or a CIDR range ("10.0.0.0/8", "2001:db8::/32"). */
export function isAddressOrCidr(text: string): boolean {
  const [address, bits, extra] = text.split("/");
  if (extra !== undefined) return false;
  const v4 = isIPv4(address);
  if (!v4 && !isIPv6(address)) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (v4 ? 32 : 128));
}

/** "10.0.0.0/8", "2001:db8::/32" or one address ("203.0.113.7", "::1"). */
export const cidrSchema = z.string().max(64).refine(isAddressOrCidr, "an IPv4 or IPv6 address or CIDR range");

export const ipFilterSchema = z
  .object({
    allow: z.array(cidrSchema).max(1000).optional().describe("Only these ranges may call (absent: everyone not denied)"),
    deny: z.array(cidrSchema).max(1000).optional().describe("These ranges may never call; deny wins over allow"),
  })
  .strict()
  .refine((f) => (f.allow?.length ?? 0) + (f.deny?.length ?? 0) > 0, "list at least one range in allow or deny");

/** An origin as browsers send it: scheme, host and optional port, nothing else. */
const originSchema = z
  .string()
  .max(300)
  .refine((text) => {
    if (text === "*") return true;
    try {
      const url = new URL(text);
      return (url.protocol === "http:" || url.protocol === "https:") && url.origin === text;
    } catch {
      return false;
    }
  }, "an origin like https://app.example.com (scheme://host[:port], no path or trailing slash), or *");

export const corsSchema = z
  .object({
    allowedOrigins: z.array(originSchema).min(1).max(100).describe("Origins that may call from a browser; * for any"),
    allowCredentials: z.boolean().optional().describe("Let browsers send cookies/HTTP auth (never with *); default false"),
    maxAgeSeconds: z.number().int().min(0).max(86_400).optional().describe("How long a browser may cache a preflight; default 600"),
  })
  .strict()
  .refine((c) => !(c.allowCredentials && c.allowedOrigins.includes("*")), {
    message: "allowCredentials cannot be combined with the * origin: list the origins",
    path: ["allowCredentials"],
  });

/**
 * The developer portal's own origin (the console's public URL), which the gateway always lets
 * call every API from a browser with the subscription key and the common methods, so try-it
 * works without an admin listing the portal in a CORS rule. Set by the console on the
 * workspace defaults of the snapshot, never by an admin at a scope.
 */
export const portalOriginSchema = originSchema.refine((o) => o !== "*", "the portal's origin, not *");

/** Spread into the snapshot's defaults only (scope-policy.ts: gatewayDefaultsSchema). */
export const portalCorsFields = {
  portalOrigin: portalOriginSchema.optional().describe("The developer portal's origin: always allowed by CORS for try-it; absent: none"),
};

export const MAX_BODY_LIMIT_BYTES = 1024 * 1024 * 1024;

/** The fields scopePolicySchema spreads in; absent inherits from the wider scope, null clears it here. */
export const requestRuleFields = {
  cors: corsSchema.nullable().optional().describe("CORS answered at the gateway (preflight included); null: none"),
  ipFilter: ipFilterSchema.nullable().optional().describe("Allow/deny CIDR lists; 403 ip_forbidden; null: none"),
  headerRules: headerRulesSchema.nullable().optional().describe("Headers set or removed on the way in and out; null: none"),
  maxRequestBodyBytes: z
    .number()
    .int()
    .positive()
    .max(MAX_BODY_LIMIT_BYTES)
    .nullable()
    .optional()
    .describe("Largest request body in bytes; 413 payload_too_large; null: no limit"),
  requestValidation: z
    .boolean()
    .optional()
    .describe("Check parameters and JSON bodies against the current revision's OpenAPI schemas; 400 request_invalid"),
};

export type CorsRule = z.infer<typeof corsSchema>;
export type IpFilterRule = z.infer<typeof ipFilterSchema>;
export type HeaderRules = z.infer<typeof headerRulesSchema>;

/** A JSON Schema taken from the revision's OpenAPI document, local $refs already inlined. */
const jsonSchemaObject = z.union([z.record(z.string(), z.unknown()), z.boolean()]);

/**
 * What request validation checks for one operation, shipped only for APIs with
 * requestValidation on. Only JSON bodies are checked; other media types pass.
 */
export const operationValidationSchema = z.object({
  parameters: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        in: z.enum(["path", "query", "header"]),
        required: z.boolean(),
        schema: jsonSchemaObject,
      }),
    )
    .max(500),
  body: z.object({ required: z.boolean(), schema: jsonSchemaObject }).optional(),
});

export type OperationValidation = z.infer<typeof operationValidationSchema>;
