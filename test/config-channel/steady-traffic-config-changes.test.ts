// Config changes never cost a request: several clients call a keyed API through
// a running gateway in a loop while 50 changes are published through the
// management API (product and API renames, each a new version: a description
// edit reaches no gateway, so it would publish nothing). Every call that
// should succeed does, and the gateway ends on the last version.
import { describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as productRoute from "@/app/api/v1/products/[productId]/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";
import { readLatestSnapshot } from "../support/latest-snapshot";

const stack = useInProcessStack();
const CLIENTS = 4;
const CHANGES = 50;

describe("steady traffic while the config changes", () => {
  it(`answers every call of ${CLIENTS} looping clients while ${CHANGES} changes are published`, async () => {
    const path = uniquePath("steady");
    const api = await importedApi({ name: "Steady", path, backendUrl: stack.backendUrl });
    const product = await callRoute(productsRoute.POST, { method: "POST", body: { name: `Steady ${path}`, apiIds: [api.id], state: "published" } });
    const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { productId: product.body.id, name: "steady" } });
    const key: string = sub.body.primaryKey;
    await waitFor(async () => expect((await callGateway(stack, `/${path}/hello`, { key })).status).toBe(200), 5000);

    let running = true;
    let answered = 0;
    const failures: string[] = [];
    const client = async () => {
      while (running) {
        try {
          const res = await callGateway(stack, `/${path}/hello`, { key });
          answered++;
          if (res.status !== 200) failures.push(`${res.status} ${JSON.stringify(res.body)}`);
        } catch (err) {
          failures.push(`no answer: ${(err as Error).message}`);
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);

    const versionBefore = stack.gateway.currentVersion() ?? 0;
    try {
      for (let i = 1; i <= CHANGES; i++) {
        const change =
          i % 2 === 0
            ? await callRoute(productRoute.PATCH, { method: "PATCH", params: { productId: product.body.id }, body: { name: `Steady ${path} ${i}` } })
            : await callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId: api.id }, body: { name: `Steady ${i}` } });
        expect(change.status, JSON.stringify(change.body)).toBe(200);
      }
      const last = (await readLatestSnapshot()).version;
      expect(last - versionBefore).toBeGreaterThanOrEqual(CHANGES);
      await waitFor(async () => expect(stack.gateway.currentVersion()).toBe(last), 5000);
    } finally {
      running = false;
      await Promise.all(clients);
    }

    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(CHANGES); // the traffic really overlapped the changes
  }, 180_000); // each change is a full publish (about 1 s on a loaded 2-core machine)
});
