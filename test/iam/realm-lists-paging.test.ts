// A realm's users, clients, roles and groups page on the server ({items, nextCursor}, by username / clientId)
// and search by part of the name, as every list of the management API does.
import { beforeAll, describe, expect, it } from "vitest";
import * as realmsRoute from "@/app/api/v1/realms/route";
import * as clientsRoute from "@/app/api/v1/realms/[realm]/clients/route";
import * as groupsRoute from "@/app/api/v1/realms/[realm]/groups/route";
import * as rolesRoute from "@/app/api/v1/realms/[realm]/roles/route";
import * as usersRoute from "@/app/api/v1/realms/[realm]/users/route";
import { callRoute } from "../support/call-route";

const realm = `paging-${Math.random().toString(36).slice(2, 8)}`;
const post = (handler: unknown, part: string, body: unknown) => callRoute(handler, { method: "POST", path: `/realms/${realm}/${part}`, params: { realm }, body });

beforeAll(async () => {
  expect((await callRoute(realmsRoute.POST, { method: "POST", path: "/realms", body: { name: realm } })).status).toBe(201);
  for (const name of ["carol", "alice", "bob"]) {
    expect((await post(usersRoute.POST, "users", { username: name, email: `${name}@example.com` })).status).toBe(201);
    expect((await post(clientsRoute.POST, "clients", { clientId: `svc-${name}`, type: "confidential" })).status).toBe(201);
    expect((await post(rolesRoute.POST, "roles", { name: `role-${name}` })).status).toBe(201);
    expect((await post(groupsRoute.POST, "groups", { name: `Team ${name}`, roles: [`role-${name}`] })).status).toBe(201);
  }
});

async function walk(handler: unknown, part: string, key: string) {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await callRoute(handler, { path: `/realms/${realm}/${part}?limit=2${cursor ? `&cursor=${cursor}` : ""}`, params: { realm } });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(2);
    seen.push(...res.body.items.map((i: Record<string, string>) => i[key]));
    cursor = res.body.nextCursor;
  } while (cursor);
  return seen;
}

describe("realm lists", () => {
  it("page users by username and clients by clientId", async () => {
    expect(await walk(usersRoute.GET, "users", "username")).toEqual(["alice", "bob", "carol"]);
    expect(await walk(clientsRoute.GET, "clients", "clientId")).toEqual(["svc-alice", "svc-bob", "svc-carol"]);
  });

  it("page roles and groups by name", async () => {
    expect(await walk(rolesRoute.GET, "roles", "name")).toEqual(["role-alice", "role-bob", "role-carol"]);
    expect(await walk(groupsRoute.GET, "groups", "name")).toEqual(["Team alice", "Team bob", "Team carol"]);
  });

  it("search roles and groups by part of the name, case-insensitive", async () => {
    const roles = await callRoute(rolesRoute.GET, { path: `/realms/${realm}/roles?search=ROLE-B`, params: { realm } });
    expect(roles.body).toMatchObject({ items: [{ name: "role-bob" }], nextCursor: null });
    const groups = await callRoute(groupsRoute.GET, { path: `/realms/${realm}/groups?search=team%20car`, params: { realm } });
    expect(groups.body).toMatchObject({ items: [{ name: "Team carol", roles: ["role-carol"] }], nextCursor: null });
  });

  it("search by part of the name (users: or the email), case-insensitive", async () => {
    const users = await callRoute(usersRoute.GET, { path: `/realms/${realm}/users?search=BOB@`, params: { realm } });
    expect(users.body.items.map((u: { username: string }) => u.username)).toEqual(["bob"]);
    const clients = await callRoute(clientsRoute.GET, { path: `/realms/${realm}/clients?search=CAR`, params: { realm } });
    expect(clients.body).toMatchObject({ items: [{ clientId: "svc-carol" }], nextCursor: null });
  });

  it("refuses a forged cursor", async () => {
    expect((await callRoute(usersRoute.GET, { path: `/realms/${realm}/users?cursor=nonsense`, params: { realm } })).status).toBe(400);
    const roles = await callRoute(rolesRoute.GET, { path: `/realms/${realm}/roles?cursor=nonsense`, params: { realm } });
    expect(roles.status).toBe(400);
    expect(roles.body.error.code).toBe("bad_request");
    expect((await callRoute(groupsRoute.GET, { path: `/realms/${realm}/groups?limit=0`, params: { realm } })).status).toBe(400);
  });
});
