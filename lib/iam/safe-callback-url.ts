// Where to send someone after signing in. Browsers strip tabs and newlines from URLs and treat
// backslashes as slashes, so "/\t/evil.example" reads as the path-relative "//evil.example" to
// them while looking local to a naive prefix test. The rule: parse the way a browser does and
// keep only a path on the console's own origin; anything odd falls back.

// C0/C1 controls, any whitespace, and backslashes: nothing a legitimate console path contains raw.
const UNSAFE_RAW = /[\u0000-\u001f\u007f-\u009f\s\\]/u;
// After percent-decoding, a control character or a backslash is still a smuggling attempt.
const UNSAFE_DECODED = /[\u0000-\u001f\u007f-\u009f\\]/u;
const MAX_DECODE_ROUNDS = 3;

/** True when no percent-decoding of `value` (up to a few rounds) turns it into a protocol-relative or odd URL. */
function staysLocalWhenDecoded(value: string): boolean {
  let current = value;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return false;
    }
    if (UNSAFE_DECODED.test(decoded) || decoded.startsWith("//")) return false;
    if (decoded === current) return true;
    current = decoded;
  }
  return false;
}

function isLocal(value: string, origin: string): URL | null {
  if (UNSAFE_RAW.test(value) || !staysLocalWhenDecoded(value)) return null;
  const absoluteOnOrigin = value.toLowerCase().startsWith(`${origin.toLowerCase()}/`);
  if (!(value.startsWith("/") && !value.startsWith("//")) && !absoluteOnOrigin) return null;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  return url.origin === origin ? url : null;
}

/**
 * A same-origin path (pathname, query and fragment) for `value`, else `fallback`.
 * `origin` is the console's (NEXTAUTH_URL's); an array (repeated query parameter) uses its first value.
 */
export function safeCallbackUrl(value: string | string[] | undefined | null, origin: string, fallback = "/"): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (typeof candidate !== "string" || candidate === "") return fallback;
  const url = isLocal(candidate, new URL(origin).origin);
  return url ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
