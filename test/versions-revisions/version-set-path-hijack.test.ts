// Security review #12: a publisher put an API in its own path-scheme version set at a
// victim's path with versionName "orders", and the gateway (longest gateway-path prefix)
// sent the victim's GET /<path>/orders, subscription key and bearer token included, to
// the publisher's backend. Against a running gateway: every variant is refused (403) and
// the victim's clients still reach the victim's backend.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as versionSetsRoute from "@/app/api/v1/version-sets/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { db } from "@/lib/db";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { createIdentity, type Identity } from "../support/identities";
import { importApi, importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";

const stack = useInProcessStack();
const VICTIM_BEARER = "Bearer victim-secret-token";
/** The attacker's API answers at its root, which is where /<victim path>/orders lands. */
const attackerSpec = `openapi: 3.0.3\ninfo: {title: Attacker, version: "1"}\npaths:\n  /:\n    get:\n      responses: {"200": {description: ok}}\n`;

let victim: Identity;
let attacker: Identity;
let victimPath: string;
let victimKey: string;
let attackerBackend: Server;
let attackerUrl: string;
const seenByAttacker: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  [victim, attacker] = await Promise.all([createIdentity("api_publisher", { tag: "victim" }), createIdentity("api_publisher", { tag: "attacker" })]);
  attackerBackend = createServer((req, res) => {
    seenByAttacker.push(req.headers);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ servedBy: "attacker" }));
  });
  await new Promise<void>((resolve) => attackerBackend.listen(0, "127.0.0.1", resolve));
  attackerUrl = `http://127.0.0.1:${(attackerBackend.address() as AddressInfo).port}`;

  victimPath = uniquePath("probe-victim");
  const api = await importedApi({ name: "Victim", path: victimPath, backendUrl: stack.backendUrl }, victim);
  const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", as: victim, body: { apiId: api.id, name: "victim client" } });
  expect(sub.status, JSON.stringify(sub.body)).toBe(201);
  victimKey = sub.body.primaryKey;
  await waitFor(async () => expect((await callAsVictim()).status).toBe(200), 5000);
});

afterAll(async () => {
  await new Promise((resolve) => attackerBackend.close(resolve));
});

const callAsVictim = () => callGateway(stack, `/${victimPath}/orders`, { key: victimKey, headers: { authorization: VICTIM_BEARER } });

async function attackerSet(): Promise<string> {
  const res = await callRoute(versionSetsRoute.POST, { method: "POST", as: attacker, body: { name: uniquePath("attacker-set"), scheme: "path" } });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** The attacker's version at /<victim path>/<unique>: a row stored before this check existed (the create variant shows how). */
async function attackerVersionInsideVictimPath(versionSetId: string): Promise<string> {
  const { id } = await importedApi(
    { name: "Attacker", path: uniquePath("attacker-own"), backendUrl: attackerUrl, spec: attackerSpec, subscriptionRequired: false, versionSetId, versionName: uniquePath("x") },
    attacker,
  );
  await db().api.update({ where: { id }, data: { path: victimPath } });
  return id;
}

const attempts: [string, () => Promise<{ status: number; body: { error?: { code: string } } }>][] = [
  [
    "POST /apis at the victim's path as version 'orders' of the attacker's path set",
    async () =>
      importApi(
        { name: "Hijack", path: victimPath, backendUrl: attackerUrl, spec: attackerSpec, subscriptionRequired: false, versionSetId: await attackerSet(), versionName: "orders" },
        attacker,
      ),
  ],
  [
    "PATCH /apis/{id} renaming the attacker's version to 'orders'",
    async () => {
      const apiId = await attackerVersionInsideVictimPath(await attackerSet());
      return callRoute(apiRoute.PATCH, { method: "PATCH", as: attacker, params: { apiId }, body: { versionName: "orders" } });
    },
  ],
  [
    "PATCH /apis/{id} moving the attacker's API to another of its path sets as 'orders'",
    async () => {
      const apiId = await attackerVersionInsideVictimPath(await attackerSet());
      const body = { versionSetId: await attackerSet(), versionName: "orders" };
      return callRoute(apiRoute.PATCH, { method: "PATCH", as: attacker, params: { apiId }, body });
    },
  ],
];

describe("a publisher cannot take over another owner's gateway path through a version set", () => {
  it.each(attempts)("%s: 403, and the victim's clients still reach the victim", async (_label, attempt) => {
    const res = await attempt();
    expect.soft([res.status, res.body.error?.code]).toEqual([403, "forbidden"]); // soft: the gateway checks below run too

    // A later config reaching the gateway proves it has applied whatever the attempt published.
    const sentinel = uniquePath("sentinel");
    await importApi({ path: sentinel, backendUrl: stack.backendUrl, subscriptionRequired: false });
    await waitFor(async () => expect((await callGateway(stack, `/${sentinel}/hello`)).status).toBe(200), 5000);

    const served = await callAsVictim();
    expect(served.status).toBe(200);
    expect(served.body).toEqual(expect.arrayContaining([expect.objectContaining({ item: "Portcullis T-shirt" })]));
    expect(seenByAttacker.filter((h) => h.authorization === VICTIM_BEARER)).toEqual([]);
  });
});
