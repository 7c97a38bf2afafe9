// The values of a path template's parameters in a request path:
// "/orders/{orderId}" and "/orders/42" give { orderId: "42" }. The request
// already matched the template (operation-match), so this only reads values.
const EXPRESSION = /\{([^{}]*)\}/g;

const split = (path: string) => {
  const trimmed = path.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? [] : trimmed.split("/");
};

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function pathParameters(template: string, rest: string): Record<string, string> {
  const values: Record<string, string> = {};
  const templateSegments = split(template);
  const segments = split(rest).map(decode);
  templateSegments.forEach((part, i) => {
    const segment = segments[i];
    if (segment === undefined) return;
    const names = [...part.matchAll(EXPRESSION)].map((m) => m[1]);
    if (names.length === 0) return;
    if (names.length === 1 && part === `{${names[0]}}`) {
      values[names[0]] = segment;
      return;
    }
    const pattern = new RegExp(`^${part.split(/\{[^{}]*\}/).map(escapeRegExp).join("(.+?)")}$`, "s");
    const match = pattern.exec(segment);
    if (match) names.forEach((name, j) => (values[name] = match[j + 1]));
  });
  return values;
}
