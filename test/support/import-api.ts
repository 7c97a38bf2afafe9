// POST /api/v1/apis with the demo OpenAPI document: what most tests need before the thing they test.
import { expect } from "vitest";
import * as apisRoute from "@/app/api/v1/apis/route";
import { callRoute } from "./call-route";
import { demoSpecYaml, uniquePath } from "./demo-spec";
import type { Caller } from "./identities";

/**
 * Imports the demo API, named after its path (a fresh one unless `fields.path` names it), with an
 * unreachable backend unless `fields.backendUrl` gives one; any other body field can be added or
 * overridden. Calls as the bootstrap admin unless `as` says otherwise. Answers what the route answered.
 */
export function importApi(fields: Record<string, unknown> = {}, as?: Caller | null) {
  const path = fields.path ?? uniquePath("api");
  const body = { name: String(path), path, backendUrl: "http://127.0.0.1:1/", spec: demoSpecYaml, ...fields };
  return callRoute(apisRoute.POST, { method: "POST", path: "/apis", as, body });
}

/** importApi that must succeed: the created API resource. */
export async function importedApi(fields: Record<string, unknown> = {}, as?: Caller | null) {
  const res = await importApi(fields, as);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
