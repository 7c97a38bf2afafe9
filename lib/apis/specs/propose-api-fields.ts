// What the "Add API" page proposes for a document before anything is stored: the name from
// info.title, a gateway path from the title, the backend from servers[0] (or Swagger 2's
// host + basePath). Pure and small, so the browser runs it on a pasted or uploaded document and
// the server on a fetched one (POST /apis/validate answers `serverUrl`).

export type ProposedApiFields = { name: string; path: string; backendUrl: string };

const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** servers[0].url with its variables at their defaults, when absolute http(s); Swagger 2 from host/basePath/schemes. */
export function firstServerUrl(document: unknown): string {
  const doc = record(document);
  const server = record(Array.isArray(doc.servers) ? doc.servers[0] : undefined);
  let url = typeof server.url === "string" ? server.url : "";
  if (!url && typeof doc.host === "string" && doc.host) {
    const schemes = Array.isArray(doc.schemes) ? doc.schemes : [];
    const scheme = schemes.includes("https") ? "https" : typeof schemes[0] === "string" ? schemes[0] : "https";
    url = `${scheme}://${doc.host}${typeof doc.basePath === "string" ? doc.basePath : ""}`;
  }
  const variables = record(server.variables);
  url = url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = record(variables[name]).default;
    return typeof value === "string" ? value : whole;
  });
  return /^https?:\/\/[^{}\s]+$/i.test(url) ? url : "";
}

/** "Swagger Petstore – OpenAPI 3.0" -> "swagger-petstore-openapi-3.0". */
export function pathFromTitle(title: string): string {
  const slug = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9.~_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return slug.slice(0, 60).replace(/[-.]+$/, "");
}

export function proposeApiFields(title: string, serverUrl: string): ProposedApiFields {
  return { name: title.trim().slice(0, 200), path: pathFromTitle(title), backendUrl: serverUrl };
}

/** From a parsed document (OpenAPI 3.x or Swagger 2.0). */
export function proposeFromDocument(document: unknown): ProposedApiFields {
  const title = record(record(document).info).title;
  return proposeApiFields(typeof title === "string" ? title : "", firstServerUrl(document));
}
