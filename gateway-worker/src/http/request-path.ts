// Parses a request target into the one path the gateway routes, matches and
// forwards. WHATWG parsing would resolve "." and ".." (even %2e-encoded) and
// turn "\" into "/", so the backend would receive a different path than the
// client wrote; such paths are refused instead, before any routing. Encoded
// separators inside a segment are judged per API (see policies/path-encoding).
import { rejection, type Rejection } from "./errors.js";

/** Only used to parse origin-form request targets; never contacted. */
const PARSE_BASE = "http://gateway.invalid";
const ABSOLUTE_FORM_PREFIX = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;
const ENCODED_SEPARATOR = /%(2f|5c)/i;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed %-escape: not a dot segment either way
  }
}

/** The path exactly as the client sent it, without query or fragment. */
function rawPathOf(target: string): string {
  const path = target.startsWith("/") ? target : target.replace(ABSOLUTE_FORM_PREFIX, "");
  return path.split(/[?#]/, 1)[0];
}

/** ";" too: servlet containers drop path parameters, so "..;x" is ".." to them. */
const isDotSegment = (segment: string) => {
  const decoded = decodeSegment(segment).split(";", 1)[0];
  return decoded === "." || decoded === "..";
};

/** What the gateway reads of a request target: its path and "?query" ("" when there is none), as WHATWG URL parsing gives them. */
export type RequestTarget = Pick<URL, "pathname" | "search">;

/**
 * An origin-form target WHATWG parsing would return unchanged: characters it neither
 * percent-encodes nor reinterprets, in the path ([, ], ^, | and ' left to the parser)
 * and in the query (' is encoded there). Almost every request's target is one.
 */
const PLAIN_TARGET = /^\/[A-Za-z0-9\-._~!$&()*+,;=:@%/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?$/;

export function parseRequestTarget(target: string): { url: RequestTarget } | { rejection: Rejection } {
  if (PLAIN_TARGET.test(target)) {
    const q = target.indexOf("?");
    const pathname = q === -1 ? target : target.slice(0, q);
    // Without "." or "%" no segment can be a dot segment, raw or encoded.
    if ((pathname.includes(".") || pathname.includes("%")) && pathname.split("/").some(isDotSegment)) return { rejection: rejection("invalid_path") };
    return { url: { pathname, search: q === -1 || q === target.length - 1 ? "" : target.slice(q) } };
  }
  let url: URL;
  try {
    // Concatenated, not resolved against the base: "//demo/x" is a path here, not a host.
    url = target.startsWith("/") ? new URL(PARSE_BASE + target) : new URL(target);
  } catch {
    return { rejection: rejection("bad_request") };
  }
  const raw = rawPathOf(target);
  if (raw.includes("\\") || raw.split("/").some(isDotSegment)) return { rejection: rejection("invalid_path") };
  return { url };
}

/** Whether a %2F or %5C hides inside a segment of `path`. */
export function hasEncodedSeparator(path: string): boolean {
  return ENCODED_SEPARATOR.test(path);
}
