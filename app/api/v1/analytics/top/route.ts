import { NextResponse } from "next/server";
import { topQuerySchema } from "@/lib/analytics/analytics-schemas";
import { getTop } from "@/lib/analytics/query/get-top";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/analytics/top?dimension=&limit=&from=&to=&apiId=&... - the largest values of a dimension (developers: their own)
export const GET = withAuth(
  async ({ request, actor }) => {
    const query = topQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await getTop(actor, query));
  },
  { route: "GET /analytics/top" },
);
