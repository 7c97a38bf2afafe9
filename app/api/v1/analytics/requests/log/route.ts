import { NextResponse } from "next/server";
import { requestLogQuerySchema } from "@/lib/analytics/analytics-schemas";
import { listRequestLog } from "@/lib/analytics/query/list-request-log";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/analytics/requests/log?status=&reason=&requestId=&traceId=&from=&to=&apiId=&...&limit=&cursor= - recorded requests, newest first (developers: their own)
export const GET = withAuth(
  async ({ request, actor }) => {
    const query = requestLogQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listRequestLog(actor, query));
  },
  { route: "GET /analytics/requests/log" },
);
