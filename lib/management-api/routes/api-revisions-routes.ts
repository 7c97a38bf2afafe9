// OpenAPI entries for /apis/{apiId}/revisions (one entry per route and method).
import {
  createdRevisionSchema,
  createRevisionInputSchema,
  diffQuerySchema,
  revisionDiffSchema,
  revisionSummarySchema,
} from "@/lib/apis/revisions/revision-schemas";
import { listOf } from "../common-schemas";
import { routeDocs } from "../route-doc";

const tag = "Revisions";

export const apiRevisionsRoutes = routeDocs([
  {
    method: "get",
    path: "/apis/{apiId}/revisions",
    operationId: "listRevisions",
    summary: "Every revision of an API, newest first",
    tag,
    response: { status: 200, description: "The revisions", schema: listOf(revisionSummarySchema, "RevisionList") },
  },
  {
    method: "post",
    path: "/apis/{apiId}/revisions",
    operationId: "createRevision",
    summary: "Re-import the API's document as a new revision (not current until made so)",
    tag,
    body: createRevisionInputSchema,
    response: { status: 201, description: "The revision and its diff", schema: createdRevisionSchema },
    errors: [409, 422],
  },
  {
    method: "get",
    path: "/apis/{apiId}/revisions/{number}/diff",
    operationId: "getRevisionDiff",
    summary: "Operations added, removed and changed between two revisions",
    tag,
    query: diffQuerySchema,
    response: { status: 200, description: "The diff", schema: revisionDiffSchema },
  },
  {
    method: "post",
    path: "/apis/{apiId}/revisions/{number}/make-current",
    operationId: "makeRevisionCurrent",
    summary: "Make a revision current; the gateways serve it next",
    tag,
    response: { status: 200, description: "The revision, now current", schema: revisionSummarySchema },
    errors: [409],
  },
]);
