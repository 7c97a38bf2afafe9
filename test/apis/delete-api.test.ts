// DELETE /apis/{id}: refused while clients hold live subscriptions to the API, unless asked to
// cancel them; products lose the API; audited; the gateway stops serving the path.
import { describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as productRoute from "@/app/api/v1/products/[productId]/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[subscriptionId]/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { CONSOLE_TEST_SUBSCRIPTION_NAME } from "@/lib/apis/test-console/console-test-subscription";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { createIdentity } from "../support/identities";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";

const stack = useInProcessStack();
const deleteApi = (apiId: string, query = "") => callRoute(apiRoute.DELETE, { method: "DELETE", path: `/apis/${apiId}${query}`, params: { apiId } });
const subscribe = (apiId: string, name: string) => callRoute(subscriptionsRoute.POST, { method: "POST", body: { apiId, name } });

describe("DELETE /apis/{id}", () => {
  it("refuses while a live subscription holds the API, then cancels it when asked, leaves products and stops the gateway", async () => {
    const path = uniquePath("del");
    const api = await importedApi({ path, backendUrl: stack.backendUrl, lifecycle: "published" });
    const product = await callRoute(productsRoute.POST, { method: "POST", body: { name: `P ${path}`, apiIds: [api.id], state: "published" } });
    const live = await subscribe(api.id, "client");
    const ended = await subscribe(api.id, "ended");
    await callRoute(subscriptionRoute.PATCH, { method: "PATCH", params: { subscriptionId: ended.body.id }, body: { state: "cancelled" } });
    await subscribe(api.id, CONSOLE_TEST_SUBSCRIPTION_NAME);
    await waitFor(async () => (await fetch(`${stack.gatewayUrl}/${path}/hello`, { headers: { "Ocp-Apim-Subscription-Key": live.body.primaryKey } })).status === 200);

    const refused = await deleteApi(api.id);
    expect([refused.status, refused.body.error.code]).toEqual([409, "conflict"]);
    expect(refused.body.error.message).toContain("1 live subscription"); // the test subscription does not count
    expect((await callRoute(apiRoute.GET, { params: { apiId: api.id } })).status).toBe(200);

    const deleted = await deleteApi(api.id, "?deleteSubscriptions=true");
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: api.id, deleted: true, cancelledSubscriptions: 1, removedFromProducts: [{ id: product.body.id, name: `P ${path}` }] });
    expect((await callRoute(apiRoute.GET, { params: { apiId: api.id } })).status).toBe(404);
    expect(await db().subscription.count({ where: { apiId: api.id } })).toBe(0);
    const stillThere = await callRoute(productRoute.GET, { params: { productId: product.body.id } });
    expect(stillThere.body.apis).toEqual([]);

    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: api.id, action: "api.deleted" } });
    expect(audit.before).toMatchObject({ id: api.id, path });
    expect(audit.after).toEqual({ cancelledSubscriptions: 1, removedFromProducts: [{ id: product.body.id, name: `P ${path}` }] });
    expect(await db().auditEvent.count({ where: { entityId: live.body.id, action: "subscription.cancelled_with_api" } })).toBe(1);

    await waitFor(async () => (await fetch(`${stack.gatewayUrl}/${path}/hello`, { headers: { "Ocp-Apim-Subscription-Key": live.body.primaryKey } })).status === 404);
  });

  it("deletes an API without subscriptions straight away", async () => {
    const api = await importedApi();
    const res = await deleteApi(api.id);
    expect(res.body).toEqual({ id: api.id, deleted: true, cancelledSubscriptions: 0, removedFromProducts: [] });
  });

  it.each([
    ["an unknown API", async () => "missing-api-id", 404, "not_found"],
    ["another publisher's API", async () => (await importedApi()).id, 403, "forbidden"],
  ])("refuses %s", async (_label, target, status, code) => {
    const publisher = await createIdentity("api_publisher");
    const apiId = await target();
    const res = await callRoute(apiRoute.DELETE, { method: "DELETE", params: { apiId }, as: publisher });
    expect([res.status, res.body.error.code]).toEqual([status, code]);
  });
});
