// One entry of the management API's OpenAPI registry: what a route handler accepts and
// answers, using the same zod schemas the handler parses with. lib/management-api/routes/*
// hold one small entry per route and method; test/openapi fails when a route file
// under app/api/v1 has a method without an entry (or an entry has no route). Who may
// call it is not written here: the builder reads the route's row in
// lib/iam/rbac/route-permissions.ts, the same row the handler's withAuth enforces.
import type { z } from "zod";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Error statuses every authenticated route may answer are added automatically (400 with a body/query, 401, 403, 404 with a path id). */
export type ExtraErrorStatus = 409 | 410 | 413 | 422 | 429 | 502 | 503 | 504;

export type RouteDoc = {
  method: HttpMethod;
  /** Relative to /api/v1, with {param} for dynamic segments, e.g. "/apis/{apiId}". */
  path: `/${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: { status: 200 | 201 | 202 | 204; description: string; schema?: z.ZodType };
  errors?: readonly ExtraErrorStatus[];
};

/** Declares entries with their literal types checked (an identity function, for inference). */
export const routeDocs = (docs: RouteDoc[]): RouteDoc[] => docs;
