import { NextResponse } from "next/server";
import { listGateways } from "@/lib/gateways/list-gateways";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/gateways - the running gateway instances, each ok, lagging or silent
export const GET = withAuth(async () => NextResponse.json({ items: await listGateways() }), { route: "GET /gateways" });
