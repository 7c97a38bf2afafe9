import { NextResponse } from "next/server";
import { readConfigDelivery } from "@/lib/config-channel/delivery/read-config-delivery";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/config-delivery -> {status: delivered | pending | failing, versions, the last error}
// Everyone who reads the console: whether the gateways enforce what it shows.
export const GET = withAuth(async () => NextResponse.json(await readConfigDelivery()), { route: "GET /config-delivery" });
