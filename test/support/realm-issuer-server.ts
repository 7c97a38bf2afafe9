// The realms' protocol endpoints (app/realms/...) behind a real HTTP listener, so standard
// software (openid-client, the gateway's JWKS fetcher) can talk to them as it would to the
// console. Next route handlers take a Request and answer a Response; this adapts Node's http.
// The console's public URL (NEXTAUTH_URL) is set to the listener's, so issuers match it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as brokerCallback from "@/app/realms/[realm]/broker/[alias]/endpoint/route";
import * as brokerLogin from "@/app/realms/[realm]/broker/[alias]/login/route";
import * as account from "@/app/realms/[realm]/account/route";
import * as auth from "@/app/realms/[realm]/protocol/openid-connect/auth/route";
import * as certs from "@/app/realms/[realm]/protocol/openid-connect/certs/route";
import * as revoke from "@/app/realms/[realm]/protocol/openid-connect/revoke/route";
import * as introspect from "@/app/realms/[realm]/protocol/openid-connect/token/introspect/route";
import * as token from "@/app/realms/[realm]/protocol/openid-connect/token/route";
import * as userinfo from "@/app/realms/[realm]/protocol/openid-connect/userinfo/route";
import * as discovery from "@/app/realms/[realm]/well-known/openid-configuration/route";

type Handler = (request: Request, context: { params: Promise<{ realm: string; alias?: string }> }) => Promise<Response>;

const endpoints: Record<string, Record<string, unknown>> = {
  ".well-known/openid-configuration": discovery,
  "protocol/openid-connect/certs": certs,
  "protocol/openid-connect/token": token,
  "protocol/openid-connect/token/introspect": introspect,
  "protocol/openid-connect/revoke": revoke,
  "protocol/openid-connect/userinfo": userinfo,
  "protocol/openid-connect/auth": auth,
  // The realm user's account page (second factors).
  account,
  // Identity brokering: /realms/{realm}/broker/{alias}/...
  "broker/login": brokerLogin,
  "broker/endpoint": brokerCallback,
};

export type RealmIssuerServer = { origin: string; server: Server; close(): Promise<void> };

/** Must run before anything reads env(): the issuer URL is derived from NEXTAUTH_URL. */
export async function startRealmIssuerServer(): Promise<RealmIssuerServer> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const match = /^\/realms\/([^/]+)\/(.+)$/.exec(url.pathname);
    const broker = match ? /^broker\/([^/]+)\/(login|endpoint)$/.exec(match[2]!) : null;
    const endpoint = broker ? `broker/${broker[2]}` : match?.[2];
    const handler = endpoint ? (endpoints[endpoint]?.[req.method ?? "GET"] as Handler | undefined) : undefined;
    if (!match || !handler) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not_found"}');
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
    const params = { realm: decodeURIComponent(match![1]!), ...(broker ? { alias: decodeURIComponent(broker[1]!) } : {}) };
    const response = await handler(request, { params: Promise.resolve(params) });
    const out: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => (out[name] = value));
    const setCookies = response.headers.getSetCookie();
    if (setCookies.length) out["set-cookie"] = setCookies;
    res.writeHead(response.status, out).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.NEXTAUTH_URL = origin;
  return { origin, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
