// GET /api/v1/audit-events: newest first, filters, cursor pagination, before/after per event.
import { beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/v1/audit-events/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as userRoute from "@/app/api/v1/users/[userId]/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";

const userIds: string[] = [];
const startedAt = new Date(Date.now() - 1000).toISOString();

beforeAll(async () => {
  // Five users, each created and then renamed: ten events with known entities.
  for (let i = 0; i < 5; i++) {
    const res = await callRoute(usersRoute.POST, {
      method: "POST",
      body: { email: `${uniquePath("audited")}@test.local`, name: `Audited ${i}`, role: "viewer", password: "a long enough password" },
    });
    userIds.push(res.body.id);
    await callRoute(userRoute.PATCH, { method: "PATCH", params: { userId: res.body.id }, body: { name: `Renamed ${i}` } });
  }
});

const list = (query: Record<string, string>) =>
  callRoute(auditRoute.GET, { path: `/audit-events?${new URLSearchParams(query)}` });

describe("audit events", () => {
  it("filters by entity and shows who, when, what, before and after", async () => {
    const res = await list({ entityType: "user", entityId: userIds[0] as string });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(["user.updated", "user.created"]);
    expect(res.body.items[0]).toMatchObject({
      actor: { type: "token", id: "bootstrap", label: "ADMIN_API_TOKEN" },
      before: { name: "Audited 0" },
      after: { name: "Renamed 0" },
    });
    expect(Date.parse(res.body.items[0].at)).toBeGreaterThanOrEqual(Date.parse(startedAt));
  });

  it.each([
    ["action", { action: "user.updated" }, (e: { action: string }) => e.action === "user.updated"],
    ["actorId", { actorId: "bootstrap" }, (e: { actor: { id: string } }) => e.actor.id === "bootstrap"],
    ["from", { from: startedAt }, (e: { at: string }) => e.at >= startedAt],
  ] as const)("filters by %s", async (_label, query, predicate) => {
    const res = await list({ ...query, limit: "200" });
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every(predicate as (e: unknown) => boolean)).toBe(true);
  });

  it("an interval before the events finds none", async () => {
    const res = await list({ to: startedAt, entityId: userIds[0] as string });
    expect(res.body).toEqual({ items: [], nextCursor: null });
  });

  it("pages with a cursor through every event exactly once, newest first", async () => {
    const all = await db().auditEvent.count({ where: { entityType: "user", entityId: { in: userIds } } });
    expect(all).toBe(10);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string> = { entityType: "user", limit: "3", ...(cursor ? { cursor } : {}) };
      const res = await list(query);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((e: { id: string }) => e.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(new Set(seen).size).toBe(seen.length);
    const ours = await db().auditEvent.findMany({ where: { entityType: "user" }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    expect(seen).toEqual(ours.map((e) => e.id));
  });

  it.each([
    ["a limit over 200", { limit: "500" }],
    ["a limit of 0", { limit: "0" }],
    ["a from that is not a date", { from: "yesterday" }],
    ["from after to", { from: "2030-01-01T00:00:00Z", to: "2020-01-01T00:00:00Z" }],
    ["an unknown cursor", { cursor: "no-such-event" }],
  ])("rejects %s with 400", async (_label, query) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(["validation_failed", "bad_request"]).toContain(res.body.error.code);
  });
});
