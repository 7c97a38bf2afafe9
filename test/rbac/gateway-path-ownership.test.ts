// Every route that can move an API's gateway path or a version set's membership, as an
// API publisher and as a platform admin: a publisher never joins a set it did not create
// and never ends up at, inside or around the EFFECTIVE gateway path (the version folded
// in) of an API it does not own; an admin may arrange anything (security review #12).
import { beforeAll, describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as versionSetsRoute from "@/app/api/v1/version-sets/route";
import * as versionSetRoute from "@/app/api/v1/version-sets/[versionSetId]/route";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { createIdentity, type Identity } from "../support/identities";
import { importApi as importAs, importedApi } from "../support/import-api";
import type { Answer as Res } from "../support/read-answer";
type Scheme = "path" | "header" | "query";

let actors: Record<"api_publisher" | "platform_admin", Identity>;
/** Another publisher: the owner of every "foreign" API and set below. */
let victim: Identity;

beforeAll(async () => {
  const [publisher, admin, other] = await Promise.all([
    createIdentity("api_publisher", { tag: "paths" }),
    createIdentity("platform_admin", { tag: "paths" }),
    createIdentity("api_publisher", { tag: "paths-victim" }),
  ]);
  actors = { api_publisher: publisher, platform_admin: admin };
  victim = other;
});

async function createSet(as: Identity, scheme: Scheme): Promise<string> {
  const res = await callRoute(versionSetsRoute.POST, { method: "POST", as, body: { name: uniquePath(`set-${scheme}`), scheme } });
  expect(res.status).toBe(201);
  return res.body.id;
}

const importApi = (as: Identity, path: string, extra: Record<string, unknown> = {}) => importAs({ path, ...extra }, as);
const imported = async (as: Identity, path: string, extra: Record<string, unknown> = {}): Promise<string> => (await importedApi({ path, ...extra }, as)).id;

const patchApi = (as: Identity, apiId: string, body: unknown) => callRoute(apiRoute.PATCH, { method: "PATCH", as, params: { apiId }, body });
const patchSet = (as: Identity, versionSetId: string, body: unknown) =>
  callRoute(versionSetRoute.PATCH, { method: "PATCH", as, params: { versionSetId }, body });

/** [what the actor tries, the attempt, status for a publisher, status for an admin] */
const cases: [string, (me: Identity) => Promise<Res>, number, number][] = [
  // Membership: a publisher adds APIs only to sets it created.
  ["POST /apis into another publisher's version set", async (me) => importApi(me, uniquePath("join"), { versionSetId: await createSet(victim, "path"), versionName: "v1" }), 403, 201],
  ["POST /apis into an admin's empty version set", async (me) => importApi(me, uniquePath("join"), { versionSetId: await createSet(actors.platform_admin, "header"), versionName: "v1" }), 403, 201],
  [
    "PATCH /apis/{id} joining another publisher's version set",
    async (me) => patchApi(me, await imported(me, uniquePath("join")), { versionSetId: await createSet(victim, "query"), versionName: "v1" }),
    403,
    200,
  ],
  ["POST /apis into its own version set", async (me) => importApi(me, uniquePath("own"), { versionSetId: await createSet(me, "path"), versionName: "v1" }), 201, 201],
  // The effective gateway path, on create.
  [
    "POST /apis at a foreign API's path as path version 'orders' (the hijack)",
    async (me) => {
      const foreign = uniquePath("victim");
      await imported(victim, foreign);
      return importApi(me, foreign, { versionSetId: await createSet(me, "path"), versionName: "orders" });
    },
    403,
    201,
  ],
  [
    "POST /apis as a plain API around a foreign path version",
    async (me) => {
      const base = uniquePath("victim");
      await imported(victim, base, { versionSetId: await createSet(victim, "path"), versionName: "v1" });
      return importApi(me, base);
    },
    403,
    201,
  ],
  // The effective gateway path, on update: next to a foreign X/orders/deep, then onto or around it.
  ...(
    [
      ["PATCH /apis/{id} versionName folding over a foreign API", async (me: Identity, _x: string, apiId: string) => patchApi(me, apiId, { versionName: "orders" })],
      [
        "PATCH /apis/{id} versionSetId to another own path set, folding over a foreign API",
        async (me: Identity, _x: string, apiId: string) => patchApi(me, apiId, { versionSetId: await createSet(me, "path"), versionName: "orders" }),
      ],
      ["PATCH /apis/{id} versionSetId null, leaving its base path around a foreign API", async (me: Identity, _x: string, apiId: string) => patchApi(me, apiId, { versionSetId: null })],
      [
        "PATCH /version-sets/{id} path -> header, folding its member around a foreign API",
        async (me: Identity, _x: string, _apiId: string, setId: string) => patchSet(me, setId, { scheme: "header" }),
      ],
    ] as const
  ).map(([label, move]): [string, (me: Identity) => Promise<Res>, number, number] => [
    label,
    async (me) => {
      const x = uniquePath("beside");
      await imported(victim, `${x}/orders/deep`);
      const setId = await createSet(me, "path");
      const apiId = await imported(me, x, { versionSetId: setId, versionName: "v1" }); // at x/v1: beside, not over
      return move(me, x, apiId, setId);
    },
    403,
    200,
  ]),
  [
    "PATCH /version-sets/{id} path -> header when nothing foreign is near",
    async (me) => {
      const setId = await createSet(me, "path");
      await imported(me, uniquePath("alone"), { versionSetId: setId, versionName: "v1" });
      return patchSet(me, setId, { scheme: "header" });
    },
    200,
    200,
  ],
  // Header/query sets share one path: a version name there is traffic too.
  [
    "PATCH /apis/{id} versionName in an admin's header set shared with a foreign API",
    async (me) => {
      const admin = actors.platform_admin;
      const shared = uniquePath("shared");
      const mine = await imported(me, shared); // alone on that path, so allowed
      const setId = await createSet(admin, "header");
      // Only an admin can arrange this: the actor's API as v2 of the admin's header set, beside the admin's v1.
      expect((await patchApi(admin, mine, { versionSetId: setId, versionName: "v2" })).status).toBe(200);
      await imported(admin, shared, { versionSetId: setId, versionName: "v1" });
      return patchApi(me, mine, { versionName: "v3" });
    },
    403,
    200,
  ],
  // Sets a publisher did not create.
  ["PATCH /version-sets/{id} of another publisher's empty set", async (me) => patchSet(me, await createSet(victim, "path"), { description: "mine now" }), 403, 200],
  ["PATCH /version-sets/{id} of an admin's empty set", async (me) => patchSet(me, await createSet(actors.platform_admin, "path"), { scheme: "header" }), 403, 200],
  [
    "DELETE /version-sets/{id} of another publisher's empty set",
    async (me) => callRoute(versionSetRoute.DELETE, { method: "DELETE", as: me, params: { versionSetId: await createSet(victim, "path") } }),
    403,
    204,
  ],
];

describe.each(["api_publisher", "platform_admin"] as const)("as %s", (role) => {
  it.each(cases)("%s", async (_label, attempt, publisherStatus, adminStatus) => {
    const res = await attempt(actors[role]);
    const expected = role === "api_publisher" ? publisherStatus : adminStatus;
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
    if (expected === 403) expect(res.body.error.code).toBe("forbidden");
  });
});
