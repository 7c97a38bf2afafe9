// Code samples for one operation of an API's current revision, as a developer would call it
// through the gateway: curl, JavaScript fetch, Python requests, Go and C#, generated with
// httpsnippet (server-side: it needs Node's url and querystring). The URL is the operation's
// own, with path and required query parameters filled from the document's examples (or values
// made from their schemas), so every sample calls a real operation. The subscription key is a
// placeholder the portal swaps for the real key only when the developer asks.
import { HTTPSnippet, type HarRequest } from "httpsnippet";
import { exampleOf } from "@/lib/apis/test-console/operation-test-template";
import { derefLocal, isObject } from "@/lib/apis/specs/resolve-local-pointer";
import type { GatewayAddress } from "./gateway-address";

export const SUBSCRIPTION_KEY_PLACEHOLDER = "<your-subscription-key>";

export const sampleLanguages = [
  { id: "curl", label: "curl", target: "shell", client: "curl" },
  { id: "javascript", label: "JavaScript (fetch)", target: "javascript", client: "fetch" },
  { id: "python", label: "Python (requests)", target: "python", client: "requests" },
  { id: "go", label: "Go", target: "go", client: "native" },
  { id: "csharp", label: "C# (HttpClient)", target: "csharp", client: "httpclient" },
] as const;

type Node = Record<string, unknown>;

const asText = (value: unknown) => (value === null || value === undefined ? "1" : typeof value === "string" ? value : JSON.stringify(value));

type SampleRequest = { method: string; url: string; headers: { name: string; value: string }[]; body?: { mimeType: string; text: string } };

/** The request a sample sends: the operation's URL on the gateway, the key, the version, an example body. */
export function sampleRequestFor(
  document: Node,
  operation: { method: string; path: string },
  address: GatewayAddress,
  key: { header: string; required: boolean },
): SampleRequest {
  const item = derefLocal(document, isObject(document.paths) ? document.paths[operation.path] : undefined);
  const op = derefLocal(document, item[operation.method.toLowerCase()]);
  const parameters = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(op.parameters) ? op.parameters : [])].map((p) => derefLocal(document, p));
  const valueOf = (p: Node) => asText("example" in p ? p.example : exampleOf(document, p.schema));

  let path = operation.path;
  const query = new URLSearchParams();
  const headers: SampleRequest["headers"] = [];
  for (const p of parameters) {
    if (typeof p.name !== "string") continue;
    if (p.in === "path") path = path.replaceAll(`{${p.name}}`, encodeURIComponent(valueOf(p)));
    else if (p.in === "query" && p.required === true) query.set(p.name, valueOf(p));
    else if (p.in === "header" && p.required === true) headers.push({ name: p.name, value: valueOf(p) });
  }
  // A template parameter the document forgot to declare still needs a value to be a real call.
  path = path.replace(/\{[^}/]+\}/g, "1");
  if (address.version?.in === "query") query.set(address.version.name, address.version.value);
  if (address.version?.in === "header") headers.push({ name: address.version.name, value: address.version.value });
  if (key.required) headers.push({ name: key.header, value: SUBSCRIPTION_KEY_PLACEHOLDER });

  const content = derefLocal(document, op.requestBody).content;
  const [mediaType, media] = isObject(content) ? (Object.entries(content).find(([type]) => type.includes("json")) ?? Object.entries(content)[0] ?? []) : [];
  let body: SampleRequest["body"];
  if (typeof mediaType === "string" && isObject(media)) {
    const example = "example" in media ? media.example : exampleOf(document, media.schema);
    body = { mimeType: mediaType, text: typeof example === "string" ? example : JSON.stringify(example ?? {}, null, 2) };
    headers.push({ name: "Content-Type", value: mediaType });
  }
  const search = query.toString();
  return { method: operation.method.toUpperCase(), url: `${address.serverUrl}${path}${search ? `?${search}` : ""}`, headers, body };
}

function toHar(request: SampleRequest): HarRequest {
  return {
    method: request.method,
    url: request.url,
    httpVersion: "HTTP/1.1",
    headers: request.headers,
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: -1,
    postData: request.body ? { mimeType: request.body.mimeType, text: request.body.text } : undefined,
  };
}

export type CodeSample = { language: (typeof sampleLanguages)[number]["id"]; label: string; code: string };

export function codeSamplesFor(request: SampleRequest, languages: readonly (typeof sampleLanguages)[number][] = sampleLanguages): CodeSample[] {
  const snippet = new HTTPSnippet(toHar(request));
  return languages.map(({ id, label, target, client }) => {
    const code = snippet.convert(target, client);
    return { language: id, label, code: typeof code === "string" ? code : Array.isArray(code) ? code.join("\n") : "" };
  });
}
