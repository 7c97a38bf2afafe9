// Reading and removing one query parameter from a raw query string without
// re-serialising the others: the backend must receive every other parameter
// byte for byte (URLSearchParams would re-encode spaces, '~', '*', etc.).

function decodeComponent(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw; // malformed %-escape: compare it as written
  }
}

function splitPair(pair: string): [name: string, value: string] {
  const eq = pair.indexOf("=");
  return eq === -1 ? [decodeComponent(pair), ""] : [decodeComponent(pair.slice(0, eq)), decodeComponent(pair.slice(eq + 1))];
}

/** First value of `name` in `query` (no leading "?"), decoded; undefined when absent. */
export function getQueryParam(query: string, name: string): string | undefined {
  if (query === "") return undefined;
  for (const pair of query.split("&")) {
    const [key, value] = splitPair(pair);
    if (key === name) return value;
  }
  return undefined;
}

/** `query` without any occurrence of `name`; other pairs untouched and in order. */
export function removeQueryParam(query: string, name: string): string {
  if (query === "") return query;
  return query
    .split("&")
    .filter((pair) => splitPair(pair)[0] !== name)
    .join("&");
}

/**
 * getQueryParam and removeQueryParam in one pass: the first value of `name` (decoded)
 * and `query` without any occurrence of it. A query that cannot hold `name` (the name
 * is not in it and nothing in it is encoded) comes back as it is, without a split.
 */
export function takeQueryParam(query: string, name: string): { value: string | undefined; rest: string } {
  if (query === "" || (!query.includes(name) && !query.includes("%") && !query.includes("+"))) return { value: undefined, rest: query };
  let value: string | undefined;
  const kept: string[] = [];
  for (const pair of query.split("&")) {
    const [key, pairValue] = splitPair(pair);
    if (key !== name) kept.push(pair);
    else value ??= pairValue;
  }
  return { value, rest: kept.join("&") };
}
