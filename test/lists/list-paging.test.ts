// Every list of the management API pages with a cursor (limit, cursor, nextCursor) in a stable
// order, filters on the server, and never writes (a passed expiry reads "expired" at once).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as apisRoute from "@/app/api/v1/apis/route";
import * as auditRoute from "@/app/api/v1/audit-events/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as realmsRoute from "@/app/api/v1/realms/route";
import * as revisionsRoute from "@/app/api/v1/apis/[apiId]/revisions/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as versionSetsRoute from "@/app/api/v1/version-sets/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { createIdentity, type Identity, type UserIdentity } from "../support/identities";
import { listRows, type ListRows } from "../support/list-rows";

type Item = { id: string };
const tag = `Lst${randomBytes(3).toString("hex")}`;
let rows: ListRows;

/** Every page of `path` (which has its own query), following nextCursor; asserts no page is bigger than `limit`. */
async function allPages(handler: unknown, path: string, limit: number, as?: Identity) {
  const pages: Item[][] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const res = await callRoute(handler, { as, path: `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    pages.push(res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

const ids = (pages: Item[][]) => pages.flat().map((item) => item.id);

beforeAll(async () => {
  rows = listRows(tag, { apis: 7, users: 6, subscriptions: 9 });
  // Two APIs with one name: only the id tells them apart in the order.
  rows.apis[2]!.name = rows.apis[3]!.name;
  await db().api.createMany({ data: rows.apis });
  await db().user.createMany({ data: rows.users });
  await db().product.create({ data: rows.product });
  await db().productApi.create({ data: rows.productApi });
  await db().subscription.createMany({ data: rows.subscriptions });
});

describe("cursor paging", () => {
  it("pages APIs by name then id, each exactly once, equal names included", async () => {
    const pages = await allPages(apisRoute.GET, `/apis?search=${tag}`, 3);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const expected = [...rows.apis].sort((a, b) => (a.name === b.name ? (a.id! < b.id! ? -1 : 1) : a.name < b.name ? -1 : 1)).map((a) => a.id);
    expect(ids(pages)).toEqual(expected);
  });

  it("pages subscriptions with one createdAt in a stable order (id), newest first", async () => {
    const pages = await allPages(subscriptionsRoute.GET, `/subscriptions?search=${tag}`, 2);
    const listed = ids(pages);
    expect(listed).toEqual(rows.subscriptions.map((s) => s.id).sort().reverse());
    expect(pages.at(-1)).toHaveLength(1);
  });

  it("answers nextCursor null on the last page and defaults to 50", async () => {
    const res = await callRoute(usersRoute.GET, { path: `/users?search=${tag}` });
    expect(res.body).toMatchObject({ nextCursor: null });
    expect(res.body.items).toHaveLength(6);
  });

  const lists: [string, unknown, string][] = [
    ["apis", apisRoute.GET, "/apis"],
    ["products", productsRoute.GET, "/products"],
    ["subscriptions", subscriptionsRoute.GET, "/subscriptions"],
    ["users", usersRoute.GET, "/users"],
    ["tokens", tokensRoute.GET, "/tokens"],
    ["version sets", versionSetsRoute.GET, "/version-sets"],
    ["audit events", auditRoute.GET, "/audit-events"],
    ["realms", realmsRoute.GET, "/realms"],
  ];

  it.each(lists)("%s: limit over 200 is 400 validation_failed, 200 is fine", async (_name, handler, path) => {
    const over = await callRoute(handler, { path: `${path}?limit=201` });
    expect([over.status, over.body.error?.code]).toEqual([400, "validation_failed"]);
    expect((await callRoute(handler, { path: `${path}?limit=200` })).status).toBe(200);
  });

  it.each(lists)("%s: a cursor that is not one is 400 bad_request", async (_name, handler, path) => {
    for (const cursor of ["not-a-cursor", Buffer.from('["a"]').toString("base64url"), Buffer.from("{}").toString("base64url")]) {
      const res = await callRoute(handler, { path: `${path}?cursor=${cursor}` });
      expect([res.status, res.body.error?.code]).toEqual([400, "bad_request"]);
    }
  });

  it("pages an API's revisions, and refuses a bad cursor there too", async () => {
    const api = rows.apis[0]!;
    await db().apiRevision.createMany({
      data: [1, 2, 3].map((number) => ({ apiId: api.id!, number, isCurrent: number === 3, spec: {}, specVersion: "3.0.3", title: "t", version: "1" })),
    });
    const first = await callRoute(revisionsRoute.GET, { path: "/apis/x/revisions?limit=2", params: { apiId: api.id! } });
    expect(first.body.items.map((r: { number: number }) => r.number)).toEqual([3, 2]);
    const second = await callRoute(revisionsRoute.GET, { path: `/apis/x/revisions?limit=2&cursor=${first.body.nextCursor}`, params: { apiId: api.id! } });
    expect([second.body.items.map((r: { number: number }) => r.number), second.body.nextCursor]).toEqual([[1], null]);
    const bad = await callRoute(revisionsRoute.GET, { path: "/apis/x/revisions?cursor=WyJ4Il0", params: { apiId: api.id! } });
    expect(bad.status).toBe(400);
  });
});

describe("server-side filters", () => {
  const apiNames = async (query: string) =>
    ((await callRoute(apisRoute.GET, { path: `/apis?${query}` })).body.items as { name: string; path: string }[]).map((a) => a.path);

  it("filters APIs by search (name or path), path prefix, lifecycle and tag", async () => {
    expect(await apiNames(`search=${tag.toLowerCase()}-api-00004`)).toEqual([rows.apis[4]!.path]);
    expect(await apiNames(`search=${encodeURIComponent(rows.apis[5]!.name.toUpperCase())}`)).toEqual([rows.apis[5]!.path]);
    expect(await apiNames(`path=${tag.toLowerCase()}-api-0000`)).toHaveLength(7);
    expect(await apiNames(`search=${tag}&lifecycle=draft`)).toEqual(rows.apis.filter((a) => a.lifecycle === "DRAFT").map((a) => a.path).sort());
    const [tagged] = await db().apiRevision.findMany({ where: { apiId: rows.apis[0]!.id, isCurrent: true } });
    await db().operation.create({ data: { revisionId: tagged!.id, method: "GET", path: "/x", tags: [`${tag}-orders`] } });
    expect(await apiNames(`tag=${tag}-orders`)).toEqual([rows.apis[0]!.path]);
  });

  it("filters products by search and state", async () => {
    const list = async (query: string) => (await callRoute(productsRoute.GET, { path: `/products?${query}` })).body.items.map((p: Item) => p.id);
    expect(await list(`search=${tag.toLowerCase()}`)).toEqual([rows.product.id]);
    expect(await list(`search=${tag}&state=draft`)).toEqual([]);
    expect(await list(`search=${tag}&state=published`)).toEqual([rows.product.id]);
  });

  it("filters subscriptions by state, product, API, user and name", async () => {
    const list = async (query: string) => ids(await allPages(subscriptionsRoute.GET, `/subscriptions?${query}`, 200));
    const owner = rows.users[1]!.id!;
    expect(await list(`search=${tag}&state=cancelled`)).toHaveLength(3);
    expect(await list(`search=${tag}&state=active`)).toHaveLength(6);
    expect(await list(`productId=${rows.product.id}`)).toHaveLength(9);
    expect(await list(`apiId=${rows.apis[0]!.id}&search=${tag}`)).toEqual([]);
    expect((await list(`userId=${owner}`)).sort()).toEqual(rows.subscriptions.filter((s) => s.userId === owner).map((s) => s.id).sort());
    expect(await list(`search=${encodeURIComponent(`${tag} app 00007`)}`)).toEqual([rows.subscriptions[7]!.id]);
  });

  it("filters users by email, name, role and search", async () => {
    const list = async (query: string) => (await callRoute(usersRoute.GET, { path: `/users?${query}` })).body.items.map((u: Item) => u.id);
    expect(await list(`email=${tag.toLowerCase()}-user-00002`)).toEqual([rows.users[2]!.id]);
    expect(await list(`name=${encodeURIComponent(`${tag} user 00003`)}`)).toEqual([rows.users[3]!.id]);
    expect(await list(`search=${tag}&role=viewer`)).toEqual(rows.users.filter((u) => u.role === "VIEWER").map((u) => u.id));
    expect(await list(`search=${tag}&role=developer`)).toHaveLength(3);
  });

  it("searches tokens and version sets by name", async () => {
    const admin = await createIdentity("platform_admin", { tag: "lists" });
    const created = await callRoute(tokensRoute.POST, { method: "POST", as: admin, body: { name: `${tag} deploy` } });
    const tokens = await callRoute(tokensRoute.GET, { path: `/tokens?search=${tag}` });
    expect(tokens.body.items.map((t: Item) => t.id)).toEqual([created.body.id]);
    const set = await callRoute(versionSetsRoute.POST, { method: "POST", body: { name: `${tag}-set`, scheme: "header" } });
    const sets = await callRoute(versionSetsRoute.GET, { path: `/version-sets?search=${tag}` });
    expect(sets.body.items.map((s: Item) => s.id)).toEqual([set.body.id]);
  });
});

describe("developers", () => {
  let developer: UserIdentity;
  let other: UserIdentity;

  beforeAll(async () => {
    developer = await createIdentity("developer", { tag: "lists", via: "session" });
    other = await createIdentity("developer", { tag: "lists", via: "session" });
    const theirs = listRows(`${tag}d`, { apis: 0, users: 0, subscriptions: 10 }).subscriptions;
    theirs.forEach((s, i) => {
      s.userId = i % 2 === 0 ? developer.userId : other.userId;
      s.productId = rows.product.id;
    });
    await db().subscription.createMany({ data: theirs });
  });

  it("see only their own subscriptions, on every page, whatever userId they ask for", async () => {
    const own = await allPages(subscriptionsRoute.GET, "/subscriptions", 2, developer);
    expect(own.length).toBeGreaterThanOrEqual(3);
    const listed = await db().subscription.findMany({ where: { id: { in: ids(own) } }, select: { userId: true } });
    expect(listed).toHaveLength(5);
    expect(new Set(listed.map((s) => s.userId))).toEqual(new Set([developer.userId]));
    expect(ids(await allPages(subscriptionsRoute.GET, `/subscriptions?userId=${other.userId}`, 2, developer))).toEqual([]);
  });
});

describe("listing never writes", () => {
  it("reports a passed expiry as expired (and filters it so) without storing it", async () => {
    const sub = rows.subscriptions[1]!; // ACTIVE
    await db().subscription.update({ where: { id: sub.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await db().auditEvent.count({ where: { entityId: sub.id } });

    const listed = await callRoute(subscriptionsRoute.GET, { path: `/subscriptions?search=${encodeURIComponent(sub.name)}` });
    expect(listed.body.items).toMatchObject([{ id: sub.id, state: "expired" }]);
    const expired = await callRoute(subscriptionsRoute.GET, { path: `/subscriptions?state=expired&productId=${rows.product.id}` });
    expect(expired.body.items.map((s: Item) => s.id)).toContain(sub.id);
    const active = await callRoute(subscriptionsRoute.GET, { path: `/subscriptions?state=active&productId=${rows.product.id}&limit=200` });
    expect(active.body.items.map((s: Item) => s.id)).not.toContain(sub.id);

    expect((await db().subscription.findUniqueOrThrow({ where: { id: sub.id } })).state).toBe("ACTIVE");
    expect(await db().auditEvent.count({ where: { entityId: sub.id } })).toBe(before);
  });
});
