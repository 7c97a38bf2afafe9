// The document the portal's reference renders: the stored current revision with every
// `servers` entry (document, path and operation level) replaced by the gateway's address,
// so swagger-ui's try-it and its curl line always go through the gateway, never around it.
type Node = Record<string, unknown>;
const isObject = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function referenceDocument(stored: unknown, serverUrl: string): Node {
  const document: Node = isObject(stored) ? { ...stored } : {};
  if (typeof document.swagger === "string") {
    // Swagger 2.0 has no servers: host, basePath and schemes say the same.
    const url = new URL(serverUrl);
    return { ...document, host: url.host, basePath: url.pathname, schemes: [url.protocol.replace(":", "")] };
  }
  document.servers = [{ url: serverUrl, description: "Portcullis gateway" }];
  if (isObject(document.paths)) {
    document.paths = Object.fromEntries(
      Object.entries(document.paths).map(([path, raw]) => {
        if (!isObject(raw)) return [path, raw];
        const item: Node = { ...raw };
        delete item.servers;
        for (const method of METHODS) {
          if (isObject(item[method]) && "servers" in item[method]) {
            const { servers: _ignored, ...operation } = item[method];
            item[method] = operation;
          }
        }
        return [path, item];
      }),
    );
  }
  return document;
}
