import { NextResponse } from "next/server";
import { regenerateOwnRecoveryCodes } from "@/lib/iam/mfa/own-factors";
import { withAuth } from "@/lib/http/with-auth";

// POST /api/v1/me/mfa/recovery-codes - a new set of ten recovery codes, replacing the old ones
export const POST = withAuth(async ({ actor }) => NextResponse.json(await regenerateOwnRecoveryCodes(actor)), {
  route: "POST /me/mfa/recovery-codes",
});
