// A realm with an "orders-reader" role and two confidential clients, one with the role and
// one without, created through the management API; and a client-credentials token from the
// realm's token endpoint (the issuer must be served: see realm-issuer-server.ts).
import { expect } from "vitest";
import * as realmsRoute from "@/app/api/v1/realms/route";
import * as clientsRoute from "@/app/api/v1/realms/[realm]/clients/route";
import * as rolesRoute from "@/app/api/v1/realms/[realm]/roles/route";
import { callRoute } from "./call-route";

export type RealmClient = { clientId: string; secret: string };

export async function realmWithReaderAndNobody(name: string, extra: Record<string, unknown> = {}) {
  const res = await callRoute(realmsRoute.POST, { method: "POST", path: "/realms", body: { name, ...extra } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await callRoute(rolesRoute.POST, { method: "POST", path: `/realms/${name}/roles`, params: { realm: name }, body: { name: "orders-reader" } });
  const client = async (clientId: string, roles: string[]): Promise<RealmClient> => {
    const made = await callRoute(clientsRoute.POST, {
      method: "POST",
      path: `/realms/${name}/clients`,
      params: { realm: name },
      body: { clientId, type: "confidential", roles },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return { clientId, secret: made.body.clientSecret as string };
  };
  return { issuer: res.body.issuer as string, reader: await client("reader", ["orders-reader"]), nobody: await client("nobody", []) };
}

export async function clientCredentialsToken(issuer: string, client: RealmClient): Promise<string> {
  const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: client.clientId, client_secret: client.secret }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}
