// A backend URL, pre-parsed once per config so the proxy only concatenates strings.
export interface CompiledBackend {
  /** "http://host:port" */
  readonly origin: string;
  readonly protocol: "http:" | "https:";
  /** Base path without trailing slash ("" for the root). */
  readonly basePath: string;
  /** Query string of the backend URL itself, without "?" (usually ""). */
  readonly baseQuery: string;
}

export function compileBackend(url: string): CompiledBackend {
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error(`Unsupported backend ${url}`);
  return {
    origin: parsed.origin,
    protocol: parsed.protocol,
    basePath: parsed.pathname.replace(/\/+$/, ""),
    baseQuery: parsed.search.slice(1),
  };
}
