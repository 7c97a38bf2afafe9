// OpenAPI entries for /apis/{apiId}/revisions (one entry per route and method).
import {
  createdRevisionSchema,
  createRevisionInputSchema,
  diffQuerySchema,
  listRevisionsQuerySchema,
  revisionDiffSchema,
  revisionPageSchema,
  revisionSummarySchema,
} from "@/lib/apis/revisions/revision-schemas";
import { routeDocs } from "../route-doc";

const tag = "Revisions";

export const apiRevisionsRoutes = routeDocs([
  {
    method: "get",
    path: "/apis/{apiId}/revisions",
    operationId: "listRevisions",
    summary: "An API's revisions, newest first, a page at a time",
    tag,
    query: listRevisionsQuerySchema,
    response: { status: 200, description: "A page of revisions", schema: revisionPageSchema },
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
