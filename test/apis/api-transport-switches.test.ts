// The API's transport switches travel from the management API to a running gateway:
// encoded slashes are refused until the API allows them, and so are WebSocket upgrades.
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";

const stack = useInProcessStack();

/** The status the gateway answers to a WebSocket handshake (101 when it tunnels, its refusal otherwise). */
function upgradeStatus(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${stack.gatewayUrl}${path}`, {
      headers: { Connection: "Upgrade", Upgrade: "websocket", "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==" },
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("transport switches of an API", () => {
  it("refuses %2F in a path parameter until the API allows encoded slashes", async () => {
    const path = uniquePath("slashes");
    const api = await importApi({ name: "Slashes", path, backendUrl: stack.backendUrl, subscriptionRequired: false });
    expect(api.status).toBe(201);
    expect(api.body).toMatchObject({ allowEncodedSlashes: false, allowWebSockets: false });

    const encoded = `/${path}/orders/a%2Fb`;
    await waitFor(async () => {
      const res = await callGateway(stack, encoded);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_path");
    }, 5000);

    const patched = await callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId: api.body.id }, body: { allowEncodedSlashes: true } });
    expect(patched.body.allowEncodedSlashes).toBe(true);
    // The demo backend knows no order "a/b": a 404 from it means the gateway let the path through.
    await waitFor(async () => expect((await callGateway(stack, encoded)).status).toBe(404), 5000);
  });

  it("answers 501 to an upgrade until the API allows WebSockets", async () => {
    const path = uniquePath("sockets");
    const api = await importApi({ name: "Sockets", path, backendUrl: stack.backendUrl, subscriptionRequired: false });
    await waitFor(async () => expect(await upgradeStatus(`/${path}/hello`)).toBe(501), 5000);

    await callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId: api.body.id }, body: { allowWebSockets: true } });
    // The demo backend speaks no WebSocket: past the gateway's checks it answers a plain response, which the gateway reports.
    await waitFor(async () => expect(await upgradeStatus(`/${path}/hello`)).not.toBe(501), 5000);
  });
});
