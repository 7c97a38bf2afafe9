// Finds the API for a request path. APIs are keyed by their path in a Map, and
// a request tries its own path prefixes from the longest down, cut only at "/":
// the longest matching API path wins, and "/demo" can never match "/demonstration".
// Cost is one Map lookup per path segment, independent of the number of APIs.

export interface RouteMatch<T> {
  route: T;
  /** What follows the API path: "" for "/demo", "/" for "/demo/", "/orders/1" for "/demo/orders/1". */
  rest: string;
}

export class RouteTable<T extends { readonly path: string }> {
  private readonly byPath: ReadonlyMap<string, T>;
  /** Segments in the deepest API path; longer request prefixes cannot match. */
  private readonly maxDepth: number;

  constructor(routes: readonly T[]) {
    const byPath = new Map<string, T>();
    for (const route of routes) {
      if (byPath.has(route.path)) throw new Error(`Two routes share the path "${route.path}"`);
      byPath.set(route.path, route);
    }
    this.byPath = byPath;
    this.maxDepth = Math.max(0, ...routes.map((r) => r.path.split("/").length));
  }

  get size(): number {
    return this.byPath.size;
  }

  values(): IterableIterator<T> {
    return this.byPath.values();
  }

  /** `pathname` must start with "/" and be normalised (no dot segments). */
  match(pathname: string): RouteMatch<T> | undefined {
    if (!pathname.startsWith("/")) return undefined;
    const path = pathname.slice(1);
    // Start from the first `maxDepth` segments at most.
    let end = -1;
    for (let depth = 0; depth < this.maxDepth; depth++) {
      end = path.indexOf("/", end + 1);
      if (end === -1) break;
    }
    let candidateEnd = end === -1 ? path.length : end;
    while (candidateEnd > 0) {
      const route = this.byPath.get(path.slice(0, candidateEnd));
      if (route) return { route, rest: path.slice(candidateEnd) };
      candidateEnd = path.lastIndexOf("/", candidateEnd - 1);
    }
    return undefined;
  }
}
