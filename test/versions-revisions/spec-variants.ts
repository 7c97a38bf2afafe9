// Variants of the demo OpenAPI document, so revisions have something to differ in.
import { parse, stringify } from "yaml";
import { demoSpecYaml } from "../support/demo-spec";

type Doc = { info: Record<string, unknown>; paths: Record<string, Record<string, Record<string, unknown>>> };

export function demoSpecWith(change: (doc: Doc) => void): string {
  const doc = parse(demoSpecYaml) as Doc;
  change(doc);
  return stringify(doc);
}

/** Revision 1 in these tests: the demo API without GET /echo. */
export const specWithoutEcho = demoSpecWith((doc) => {
  delete doc.paths["/echo"];
});

/** Lint errors under the `recommended` ruleset: operations without a summary (operation-summary is an error). */
export const specWithLintErrors = demoSpecWith((doc) => {
  delete doc.paths["/hello"].get.summary;
  delete doc.paths["/orders"].get.summary;
});

/** The full demo spec with one summary changed and DELETE /orders/{orderId} added. */
export const specRevised = demoSpecWith((doc) => {
  doc.info.version = "1.1.0";
  doc.paths["/hello"].get.summary = "Say hello, politely";
  doc.paths["/orders/{orderId}"].delete = { operationId: "deleteOrder", summary: "Cancel an order", tags: ["orders"], responses: { "204": { description: "Gone" } } };
});
