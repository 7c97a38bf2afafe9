import { NextResponse } from "next/server";
import { listRealmSessions } from "@/lib/iam/realms/sessions/realm-sessions";
import { listRealmSessionsQuerySchema } from "@/lib/iam/realms/sessions/realm-session-schemas";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/realms/{realm}/sessions - active sign-ins, newest first, paged (?limit, ?cursor, ?userId, ?username, ?clientId)
export const GET = withAuth<{ realm: string }>(
  async ({ request, params }) => {
    const query = listRealmSessionsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listRealmSessions(params.realm, query));
  },
  { route: "GET /realms/{realm}/sessions" },
);
