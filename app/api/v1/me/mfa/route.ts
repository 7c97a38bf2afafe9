import { NextResponse } from "next/server";
import { getOwnMfaStatus } from "@/lib/iam/mfa/own-factors";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/me/mfa - the caller's second factors, recovery codes left, whether policy requires one
export const GET = withAuth(async ({ actor }) => NextResponse.json(await getOwnMfaStatus(actor)), { route: "GET /me/mfa" });
