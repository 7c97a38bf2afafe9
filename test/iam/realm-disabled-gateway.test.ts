// A disabled realm vouches for nothing (#16): the APIs bound to it are republished with a JWT
// config that trusts no issuer, so a running gateway refuses even the realm's unexpired tokens
// (401 token_revoked, without fetching keys) and serves them again once the realm is re-enabled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as realmRoute from "@/app/api/v1/realms/[realm]/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { configDeltaNames, type GatewayConfigDelta } from "@/lib/config-channel/contract";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";
import { clientCredentialsToken, realmWithReaderAndNobody, type RealmClient } from "../support/realm-clients";

let server: RealmIssuerServer;
// Before the stack: the issuer URL comes from NEXTAUTH_URL, which the server sets before env() is read.
beforeAll(async () => {
  server = await startRealmIssuerServer();
});
const stack = useInProcessStack();
const realm = `off-${Math.random().toString(36).slice(2, 8)}`;
let issuer: string;
let reader: RealmClient;
let apiId: string;
let path: string;

beforeAll(async () => {
  ({ issuer, reader } = await realmWithReaderAndNobody(realm));
  path = uniquePath("realm-off");
  const api = await importedApi({ path, backendUrl: stack.backendUrl, subscriptionRequired: false });
  apiId = api.id;
  const bound = await callRoute(apiRoute.PATCH, { method: "PATCH", path: `/apis/${api.id}`, params: { apiId }, body: { jwtRequirements: { realm } } });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
  await waitFor(async () => expect((await call()).status).toBe(401), 5000);
});

afterAll(async () => {
  // Leave the realm enabled for anything else sharing the database.
  await patchRealm(true);
  await server?.close();
});

const call = (token?: string) => callGateway(stack, `/${path}/hello`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
const patchRealm = (enabled: boolean) => callRoute(realmRoute.PATCH, { method: "PATCH", path: `/realms/${realm}`, params: { realm }, body: { enabled } });

describe("a disabled realm's tokens at the gateway", () => {
  it("refuses a valid token once its realm is disabled, and accepts it again once re-enabled", async () => {
    const token = await clientCredentialsToken(issuer, reader);
    expect((await call(token)).status).toBe(200);

    const off = await patchRealm(false);
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.enabled).toBe(false);
    await waitFor(async () => expect((await call(token)).status).toBe(401), 5000);
    const refused = await call(token);
    expect(refused.body.error.code).toBe("token_revoked");
    expect(refused.body.error.message).toMatch(/realm .* is disabled/);
    expect(JSON.stringify(refused.body)).not.toContain(token);
    expect(refused.headers.get("www-authenticate")).toContain('error="invalid_token"');
    // Still a bearer-token API: no token is still asked for, not let through.
    expect((await call()).body.error.code).toBe("missing_token");

    // It travelled as a delta of the bound API, carrying no trusted issuer.
    const deltas = (await redis().zrange(configDeltaNames(env().CONFIG_CHANNEL_PREFIX).deltasKey, "-50", "-1")).map((m) => JSON.parse(m) as GatewayConfigDelta);
    const upserts = deltas.flatMap((d) => d.changes).filter((c) => c.kind === "api.upserted" && c.api.id === apiId);
    expect(upserts.at(-1)).toMatchObject({ api: { jwt: { issuerDisabled: true } } });

    expect((await patchRealm(true)).status).toBe(200);
    await waitFor(async () => expect((await call(token)).status).toBe(200), 5000);
  });

  it("changing anything else of the realm publishes nothing for its APIs", async () => {
    const { deltasKey } = configDeltaNames(env().CONFIG_CHANNEL_PREFIX);
    const [, newest = "0"] = await redis().zrange(deltasKey, "-1", "-1", "WITHSCORES");
    const renamed = await callRoute(realmRoute.PATCH, { method: "PATCH", path: `/realms/${realm}`, params: { realm }, body: { displayName: "Renamed" } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const later = (await redis().zrangebyscore(deltasKey, `(${newest}`, "+inf")).map((m) => JSON.parse(m) as GatewayConfigDelta);
    expect(later.flatMap((d) => d.changes).filter((c) => c.kind === "api.upserted" && c.api.id === apiId)).toEqual([]);
  });
});
