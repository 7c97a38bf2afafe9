// Security review #12: a publisher put an API in its own path-scheme version set at a
// victim's path with versionName "orders", and the gateway (longest gateway-path prefix)
// sent the victim's GET /<path>/orders, subscription key and bearer token included, to
// the publisher's backend. Against a running gateway: every variant is refused (403) and
// the victim's clients still reach the victim's backend.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apisRoute from "@/app/api/v1/apis/route";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as versionSetsRoute from "@/app/api/v1/version-sets/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { demoSpecYaml, uniquePath } from "../support/demo-spec";
import { useInProcessStack } from "../support/in-process-stack";
import { createRoleIdentity, type RoleIdentity } from "../support/role-tokens";

const stack = useInProcessStack();
const VICTIM_BEARER = "Bearer victim-secret-token";
/** The attacker's API answers at its root, which is where /<victim path>/orders lands. */
const attackerSpec = `openapi: 3.0.3\ninfo: {title: Attacker, version: "1"}\npaths:\n  /:\n    get:\n      responses: {"200": {description: ok}}\n`;

let victim: RoleIdentity;
let attacker: RoleIdentity;
let victimPath: string;
let victimKey: string;
let attackerBackend: Server;
let attackerUrl: string;
const seenByAttacker: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  [victim, attacker] = await Promise.all([createRoleIdentity("api_publisher", "victim"), createRoleIdentity("api_publisher", "attacker")]);
  attackerBackend = createServer((req, res) => {
    seenByAttacker.push(req.headers);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ servedBy: "attacker" }));
  });
  await new Promise<void>((resolve) => attackerBackend.listen(0, "127.0.0.1", resolve));
  attackerUrl = `http://127.0.0.1:${(attackerBackend.address() as AddressInfo).port}`;

  victimPath = uniquePath("probe-victim");
  const api = await callRoute(apisRoute.POST, {
    method: "POST",
    token: victim.token,
    body: { name: "Victim", path: victimPath, backendUrl: stack.backendUrl, spec: demoSpecYaml },
  });
  expect(api.status, JSON.stringify(api.body)).toBe(201);
  const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", token: victim.token, body: { apiId: api.body.id, name: "victim client" } });
  expect(sub.status, JSON.stringify(sub.body)).toBe(201);
  victimKey = sub.body.primaryKey;
  await waitFor(async () => expect((await callAsVictim()).status).toBe(200), 5000);
});

afterAll(async () => {
  await new Promise((resolve) => attackerBackend.close(resolve));
});

async function callAsVictim() {
  const res = await fetch(`${stack.gatewayUrl}/${victimPath}/orders`, {
    headers: { "Ocp-Apim-Subscription-Key": victimKey, authorization: VICTIM_BEARER },
  });
  return { status: res.status, body: await res.json() };
}

async function attackerSet(): Promise<string> {
  const res = await callRoute(versionSetsRoute.POST, { method: "POST", token: attacker.token, body: { name: uniquePath("attacker-set"), scheme: "path" } });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** The attacker's version at /<victim path>/<unique>: a row stored before this check existed (the create variant shows how). */
async function attackerVersionInsideVictimPath(versionSetId: string): Promise<string> {
  const res = await callRoute(apisRoute.POST, {
    method: "POST",
    token: attacker.token,
    body: { name: "Attacker", path: uniquePath("attacker-own"), backendUrl: attackerUrl, spec: attackerSpec, subscriptionRequired: false, versionSetId, versionName: uniquePath("x") },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await db().api.update({ where: { id: res.body.id }, data: { path: victimPath } });
  return res.body.id;
}

const attempts: [string, () => Promise<{ status: number; body: { error?: { code: string } } }>][] = [
  [
    "POST /apis at the victim's path as version 'orders' of the attacker's path set",
    async () =>
      callRoute(apisRoute.POST, {
        method: "POST",
        token: attacker.token,
        body: { name: "Hijack", path: victimPath, backendUrl: attackerUrl, spec: attackerSpec, subscriptionRequired: false, versionSetId: await attackerSet(), versionName: "orders" },
      }),
  ],
  [
    "PATCH /apis/{id} renaming the attacker's version to 'orders'",
    async () => {
      const apiId = await attackerVersionInsideVictimPath(await attackerSet());
      return callRoute(apiRoute.PATCH, { method: "PATCH", token: attacker.token, params: { apiId }, body: { versionName: "orders" } });
    },
  ],
  [
    "PATCH /apis/{id} moving the attacker's API to another of its path sets as 'orders'",
    async () => {
      const apiId = await attackerVersionInsideVictimPath(await attackerSet());
      const body = { versionSetId: await attackerSet(), versionName: "orders" };
      return callRoute(apiRoute.PATCH, { method: "PATCH", token: attacker.token, params: { apiId }, body });
    },
  ],
];

describe("a publisher cannot take over another owner's gateway path through a version set", () => {
  it.each(attempts)("%s: 403, and the victim's clients still reach the victim", async (_label, attempt) => {
    const res = await attempt();
    expect.soft([res.status, res.body.error?.code]).toEqual([403, "forbidden"]); // soft: the gateway checks below run too

    // A later config reaching the gateway proves it has applied whatever the attempt published.
    const sentinel = uniquePath("sentinel");
    await callRoute(apisRoute.POST, { method: "POST", body: { name: sentinel, path: sentinel, backendUrl: stack.backendUrl, spec: demoSpecYaml, subscriptionRequired: false } });
    await waitFor(async () => expect((await fetch(`${stack.gatewayUrl}/${sentinel}/hello`)).status).toBe(200), 5000);

    const served = await callAsVictim();
    expect(served.status).toBe(200);
    expect(served.body).toEqual(expect.arrayContaining([expect.objectContaining({ item: "Portcullis T-shirt" })]));
    expect(seenByAttacker.filter((h) => h.authorization === VICTIM_BEARER)).toEqual([]);
  });
});
