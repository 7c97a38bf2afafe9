// A subscription bound to an app (portal My apps): with its key, jwt-validation takes only a
// token issued to the bound client (azp or client_id), else 403 client_not_bound; an unbound
// subscription, or no subscription, leaves any client's token alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileConfig } from "../src/config/compile-config";
import { gatewayConfigSnapshotSchema } from "../src/contract/config-snapshot";
import { Pipeline } from "../src/pipeline/pipeline";
import { defaultPolicies } from "../src/policies";
import { jwtValidationPolicy } from "../src/policies/jwt-validation";
import type { PolicyContext } from "../src/policies/policy";
import { AUDIENCE, ISSUER, startTestIdp, type TestIdp } from "./helpers/jwks-server";
import { makeApi, makeSnapshot } from "./helpers/snapshots";

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp();
});
afterAll(() => idp.close());

const settings = () => jwtValidationPolicy.schema.parse({ issuer: ISSUER, audiences: [AUDIENCE], jwksUri: `${idp.url}/jwks` });

function ctxWith(token: string, subscription?: PolicyContext["subscription"]): PolicyContext {
  const api = makeApi();
  const config = compileConfig(gatewayConfigSnapshotSchema.parse(makeSnapshot({ apis: [api] })), new Pipeline(defaultPolicies));
  return { requestId: "r", method: "GET", pathname: "/demo", headers: { host: "gw", authorization: `Bearer ${token}` }, query: "", api, config, now: Date.now(), responseHeaders: {}, subscription };
}

const bound = { id: "sub-1", productId: null, boundClientId: "app-orders-1" };
type Row = [string, Record<string, unknown>, PolicyContext["subscription"], string | null];

describe("jwt-validation and a subscription bound to an app", () => {
  it.each<Row>([
    ["azp of the bound client", { azp: "app-orders-1" }, bound, null],
    ["client_id of the bound client", { client_id: "app-orders-1" }, bound, null],
    ["another client", { azp: "reader", client_id: "reader" }, bound, "client_not_bound"],
    ["no client claim", {}, bound, "client_not_bound"],
    ["a prefix of the bound client", { azp: "app-orders" }, bound, "client_not_bound"],
    ["an unbound subscription", { azp: "reader" }, { id: "sub-2", productId: null }, null],
    ["no subscription", { azp: "reader" }, undefined, null],
  ])("%s", async (_label, claims, subscription, code) => {
    const rejection = await jwtValidationPolicy.handle(ctxWith(await idp.sign(claims), subscription), settings());
    if (code === null) expect(rejection).toBeUndefined();
    else expect(rejection).toMatchObject({ status: 403, code, message: expect.stringMatching(/app bound to this subscription/) });
  });
});
