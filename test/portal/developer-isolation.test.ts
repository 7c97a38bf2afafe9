// A developer can never see or change another developer's subscriptions, keys, apps or usage
// (issue #19). Alice calls every management route a developer may call, found on disk and in
// the route permission table (so a new route joins by itself), with Bob's ids in the path, the
// query and the body: every route naming one of Bob's things answers 404 or 403, none changes
// anything of his, and no answer holds any of his ids, keys, email or usage figures. The
// portal's subscription page renders not-found for Bob's subscription.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as productsRoute from "@/app/api/v1/products/route";
import * as realmsRoute from "@/app/api/v1/realms/route";
import * as settingsRoute from "@/app/api/v1/settings/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[subscriptionId]/route";
import * as secretsRoute from "@/app/api/v1/subscriptions/[subscriptionId]/secrets/route";
import * as totpRoute from "@/app/api/v1/me/mfa/totp/route";
import { ingestBatch } from "@/lib/analytics/ingest/ingest-batch";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { routeAccessOf } from "@/lib/iam/rbac/route-permissions";
import type { SessionUser } from "@/lib/iam/session";
import { analyticsRecord } from "../support/analytics-batches";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { discoverApiRoutes, type DiscoveredRoute } from "../support/discover-api-routes";
import { createIdentity, type UserIdentity } from "../support/identities";
import { importedApi } from "../support/import-api";

// The portal page reads the session through next-auth's server helpers; here it is whoever signedIn names.
let signedIn: SessionUser | null = null;
vi.mock("@/lib/iam/session", () => ({
  getSessionUser: async () => signedIn,
  requireSignedIn: async () => {
    if (!signedIn) throw new Error("not signed in");
    return signedIn;
  },
}));

const tag = randomBytes(3).toString("hex");
/** Bob's usage: figures no other record of this file (or a default) produces, searched for in every answer. */
const BOB_BYTES_OUT = 918_273_645;
const BOB_BYTES_IN = 71_828_182;

type Owned = { subscriptionId: string; cancelledId: string; keys: string[]; factorId: string; appId?: string; appClientId?: string };
let alice: UserIdentity;
let bob: UserIdentity;
const own = {} as Owned;
const foreign = {} as Owned;
let apiId = "";
let productId = "";
let bobRequestId = "";
let developerRoutes: DiscoveredRoute[] = [];

/**
 * How each path parameter of a developer route is filled. "owned": an id of one developer's own
 * things, so Bob's must answer 404/403 to Alice. "catalogue": something every developer may read
 * (published APIs and products), the same for both. A route with a parameter not listed here
 * fails the first test: say which kind it is (and, for an owned one, create Bob's in beforeAll).
 */
const pathParams: Record<string, { kind: "owned"; of: (o: Owned) => string | undefined } | { kind: "catalogue"; value: () => string }> = {
  subscriptionId: { kind: "owned", of: (o) => o.subscriptionId },
  factorId: { kind: "owned", of: (o) => o.factorId },
  // My apps (portal): an app is a realm client owned by its developer.
  appId: { kind: "owned", of: (o) => o.appId },
  apiId: { kind: "catalogue", value: () => apiId },
  productId: { kind: "catalogue", value: () => productId },
};

/** Bodies that name Bob's things where a route takes ids in its body; every other write gets {}. */
const bodies: Record<string, (o: Owned) => unknown> = {
  "POST /subscriptions": () => ({ productId, name: "on Bob's behalf", userId: bob.userId, acceptTerms: true }),
  "PATCH /subscriptions/{subscriptionId}": () => ({ state: "cancelled" }),
  "POST /subscriptions/{subscriptionId}/regenerate-key": () => ({ key: "primary" }),
  "PUT /subscriptions/{subscriptionId}/app": (o) => ({ appId: o.appId }),
  "POST /me/mfa/totp/{factorId}/confirm": () => ({ code: "000000" }),
  // {} would be refused anyway ({confirm: true} is required); Alice's account must outlive the sweep.
  "DELETE /me": () => ({}),
};

/**
 * Refused for Bob's id with another status than 404/403, exactly as for an id that does not exist
 * (checked below), so the answer confirms nothing: the reason for each.
 */
const refusedLikeUnknown: Record<string, string> = {
  "POST /me/mfa/totp/{factorId}/confirm": "looks the factor up among the caller's own: 400 'code not valid', as for a wrong code or an unknown factor",
};

/** Every query parameter a developer route might filter by, set to Bob's. */
const foreignQuery = () =>
  new URLSearchParams({ userId: bob.userId, subscriptionId: foreign.subscriptionId, search: `bob-${tag}`, apiId, dimension: "subscription" }).toString();

function paramsFor(route: DiscoveredRoute, owner: Owned): Record<string, string> {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return Object.fromEntries(
    names.map((name) => {
      const param = pathParams[name];
      if (!param) throw new Error(`${route.key}: say how to fill {${name}} in pathParams (owned or catalogue)`);
      const value = param.kind === "owned" ? param.of(owner) : param.value();
      if (!value) throw new Error(`${route.key}: no ${name} was created for the isolation test; create one in beforeAll`);
      return [name, value];
    }),
  );
}

const ownsParam = (route: DiscoveredRoute) => [...route.path.matchAll(/\{(\w+)\}/g)].some((m) => pathParams[m[1]!]?.kind === "owned");

/** Strings of Bob's that must never reach Alice. */
function bobSecrets(): string[] {
  return [
    bob.userId,
    bob.email,
    foreign.subscriptionId,
    foreign.cancelledId,
    ...foreign.keys,
    foreign.factorId,
    foreign.appId,
    foreign.appClientId,
    bobRequestId,
    String(BOB_BYTES_OUT),
    String(BOB_BYTES_IN),
    `Bob app ${tag}`,
  ].filter((s): s is string => Boolean(s));
}

/** `echoed`: what Alice sent herself, which a refusal may repeat ("Subscription 'x' not found") without telling her anything. */
function expectNoLeak(what: string, body: unknown, echoed = "") {
  const text = JSON.stringify(body ?? null);
  for (const secret of bobSecrets()) {
    if (echoed.includes(secret)) continue;
    expect(text.includes(secret), `${what} answered Bob's ${secret}: ${text.slice(0, 400)}`).toBe(false);
  }
}

async function subscribe(as: UserIdentity, name: string) {
  const res = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { productId, name, acceptTerms: true }, as });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; primaryKey: string; secondaryKey: string };
}

async function ownedThings(as: UserIdentity, name: string, into: Owned) {
  const active = await subscribe(as, `${name} app ${tag}`);
  const cancelled = await subscribe(as, `${name} old app ${tag}`);
  const patch = await callRoute(subscriptionRoute.PATCH, { method: "PATCH", params: { subscriptionId: cancelled.id }, body: { state: "cancelled" }, as });
  expect(patch.status, JSON.stringify(patch.body)).toBe(200);
  const totp = await callRoute(totpRoute.POST, { method: "POST", as });
  expect(totp.status, JSON.stringify(totp.body)).toBe(201);
  Object.assign(into, {
    subscriptionId: active.id,
    cancelledId: cancelled.id,
    keys: [active.primaryKey, active.secondaryKey, cancelled.primaryKey, cancelled.secondaryKey],
    factorId: totp.body.factorId,
  });
}

/** My apps need the portal's realm (settings portal.realm); only when the app routes exist. */
let portalRealmBefore: string | null | undefined;
async function enableApps() {
  const route = developerRoutes.find((r) => r.key === "POST /me/apps");
  if (!route) return;
  const realm = `iso-${tag}`;
  expect((await callRoute(realmsRoute.POST, { method: "POST", body: { name: realm } })).status).toBe(201);
  portalRealmBefore = (await callRoute(settingsRoute.GET, {})).body.portal?.realm ?? null;
  const patched = await callRoute(settingsRoute.PATCH, { method: "PATCH", body: { portal: { realm } } });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  for (const [as, into, name] of [[alice, own, "Alice"], [bob, foreign, "Bob"]] as const) {
    const res = await callRoute(route.handler, { method: "POST", path: "/me/apps", body: { name: `${name} app ${tag}` }, as });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    into.appId = res.body.app.id;
    into.appClientId = res.body.app.clientId;
  }
}

beforeAll(async () => {
  developerRoutes = (await discoverApiRoutes())
    .filter((route) => {
      const access = routeAccessOf(route.key);
      expect(access, `${route.key} has no row in lib/iam/rbac/route-permissions.ts`).toBeDefined();
      return access === "public" || hasPermission("developer", access!);
    })
    // Deleting one's account last, whatever it answers.
    .sort((a, b) => Number(a.key === "DELETE /me") - Number(b.key === "DELETE /me"));

  const api = await importedApi({ path: uniquePath("isolation"), lifecycle: "published" });
  apiId = api.id;
  const product = await callRoute(productsRoute.POST, {
    method: "POST",
    body: { name: `Isolation ${tag}`, apiIds: [api.id], state: "published", terms: "Play fair." },
  });
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  productId = product.body.id;
  [alice, bob] = await Promise.all([
    createIdentity("developer", { via: "session", tag: `alice-${tag}` }),
    createIdentity("developer", { via: "session", tag: `bob-${tag}` }),
  ]);
  await ownedThings(alice, "Alice", own);
  await ownedThings(bob, "Bob", foreign);
  await enableApps();

  // Traffic of both: Alice's figures exist (so her answers are not empty by accident), Bob's are unmistakable.
  bobRequestId = `bob-${randomUUID()}`;
  const call = { apiId, productId, operation: "GET /hello", t: Date.now() - 60_000 };
  await ingestBatch(
    {
      batchId: randomUUID(),
      gatewayId: `iso-${tag}`,
      records: [
        ...[0, 1, 2].map(() => analyticsRecord({ ...call, subscriptionId: own.subscriptionId })),
        analyticsRecord({ ...call, subscriptionId: foreign.subscriptionId, requestId: bobRequestId, bytesIn: BOB_BYTES_IN, bytesOut: BOB_BYTES_OUT, status: 503 }),
      ],
    },
    { settings: async () => ({ clientIp: "truncated" as const, rawRetentionDays: 30 }) },
  );
});

afterAll(async () => {
  if (portalRealmBefore !== undefined) await callRoute(settingsRoute.PATCH, { method: "PATCH", body: { portal: { realm: portalRealmBefore } } });
});

describe("the portal's subscription page", () => {
  const page = async (subscriptionId: string, as: UserIdentity) => {
    signedIn = { id: as.userId, email: as.email, name: as.email, role: "developer", theme: "system" };
    const { default: Page } = await import("@/app/(portal)/portal/subscriptions/[subscriptionId]/page");
    return Page({ params: Promise.resolve({ subscriptionId }) });
  };

  it("renders not-found for another developer's subscription, as for one that does not exist", async () => {
    for (const id of [foreign.subscriptionId, foreign.cancelledId, "no-such-subscription"]) {
      await expect(page(id, alice), id).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    }
  });

  it("renders the developer's own subscription", async () => {
    const element = (await page(own.subscriptionId, alice)) as { props: { initial: { id: string; apis: { id: string }[] } } };
    expect(element.props.initial.id).toBe(own.subscriptionId);
    expect(element.props.initial.apis.map((a) => a.id)).toEqual([apiId]);
    expectNoLeak("the portal page", element.props);
  });
});

describe("every management route a developer may call, with another developer's ids", () => {
  it("covers the routes a developer may call (subscriptions, keys, usage, analytics, MFA, apps when they exist)", () => {
    const keys = developerRoutes.map((r) => r.key);
    for (const key of [
      "GET /subscriptions/{subscriptionId}",
      "GET /subscriptions/{subscriptionId}/secrets",
      "GET /subscriptions/{subscriptionId}/usage",
      "POST /subscriptions/{subscriptionId}/regenerate-key",
      "PATCH /subscriptions/{subscriptionId}",
      "GET /analytics/requests",
      "GET /analytics/top",
      "GET /analytics/requests/log",
      "DELETE /me/mfa/factors/{factorId}",
    ]) {
      expect(keys).toContain(key);
    }
    // Every parameter has a known kind (this throws with the route's name otherwise).
    for (const route of developerRoutes) paramsFor(route, foreign);
  });

  it("answers 404 or 403 where a path names Bob's things, and never shows Alice anything of Bob's", async () => {
    const refused: string[] = [];
    for (const route of developerRoutes) {
      const params = paramsFor(route, foreign);
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
      const body = route.method === "GET" ? undefined : (bodies[route.key]?.(foreign) ?? {});
      const sent = `${path}?${foreignQuery()}`;
      const res = await callRoute(route.handler, { method: route.method, path: sent, params, body, as: alice });
      expect(res.status, `${route.key}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      if (ownsParam(route)) {
        // Bob's ids are refused as ids that do not exist are: nothing tells Alice they exist.
        const unknownParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, pathParams[k]?.kind === "owned" ? `no-such-${k}` : v]));
        const unknownPath = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(unknownParams[name]!));
        const unknown = await callRoute(route.handler, { method: route.method, path: `${unknownPath}?${foreignQuery()}`, params: unknownParams, body, as: alice });
        const withoutIds = (answer: unknown, ids: Record<string, string>) =>
          Object.entries(ids).reduce((text, [k, v]) => text.replaceAll(v, `{${k}}`), JSON.stringify(answer));
        expect(withoutIds(res.body, params), `${route.key}: Bob's id and an unknown one get different answers`).toBe(withoutIds(unknown.body, unknownParams));
        expect(res.status, route.key).toBe(unknown.status);
        if (!(route.key in refusedLikeUnknown)) expect([403, 404], `${route.key} with Bob's ids: ${JSON.stringify(res.body)}`).toContain(res.status);
        refused.push(route.key);
      }
      if (route.key === "POST /subscriptions") expect(res.status, "subscribing Bob").toBe(403);
      // Only a refusal may repeat what was asked for; an answer with data must hold none of Bob's.
      expectNoLeak(route.key, res.body, res.status >= 400 ? `${decodeURIComponent(sent)} ${JSON.stringify(body ?? null)}` : "");
    }
    expect(refused.length).toBeGreaterThanOrEqual(6);
  });

  it("left Bob's subscriptions and keys as they were", async () => {
    const sub = await callRoute(subscriptionRoute.GET, { params: { subscriptionId: foreign.subscriptionId } });
    expect(sub.body.state).toBe("active");
    const keys = await callRoute(secretsRoute.GET, { params: { subscriptionId: foreign.subscriptionId } });
    expect([keys.body.primaryKey, keys.body.secondaryKey]).toEqual(foreign.keys.slice(0, 2));
  });

  it("answers Alice's own ids on the same GET routes (the 404s above are about the owner, not the route)", async () => {
    for (const route of developerRoutes.filter((r) => r.method === "GET" && ownsParam(r))) {
      const params = paramsFor(route, own);
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
      const res = await callRoute(route.handler, { path, params, as: alice });
      expect(res.status, `${route.key}: ${JSON.stringify(res.body)}`).toBe(200);
      expectNoLeak(route.key, res.body);
    }
  });

  it("gives Alice her own usage in the analytics, and none of Bob's (whatever she filters by)", async () => {
    const series = developerRoutes.find((r) => r.key === "GET /analytics/requests")!;
    const mine = await callRoute(series.handler, { path: "/analytics/requests", as: alice });
    expect(mine.body.totals.count).toBeGreaterThanOrEqual(3);
    for (const query of [`subscriptionId=${foreign.subscriptionId}`, `userId=${bob.userId}`, `subscriptionId=${foreign.subscriptionId}&userId=${alice.userId}`]) {
      const res = await callRoute(series.handler, { path: `/analytics/requests?${query}`, as: alice });
      expect(res.body.totals.count, query).toBe(0);
    }
  });
});
