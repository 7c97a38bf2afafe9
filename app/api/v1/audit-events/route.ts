import { NextResponse } from "next/server";
import { listAuditEventsQuerySchema } from "@/lib/audit/audit-event-schemas";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/audit-events?actorId&entityType&entityId&action&from&to&limit&cursor -> {items, nextCursor}
// Platform admins and viewers (auditors); events carry before/after of users and tokens too.
export const GET = withAuth(
  async ({ request }) => {
    const query = listAuditEventsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listAuditEvents(query));
  },
  { route: "GET /audit-events" },
);
