import { NextResponse } from "next/server";
import { ownPasskeyOptions } from "@/lib/iam/mfa/own-factors";
import { withAuth } from "@/lib/http/with-auth";

// POST /api/v1/me/mfa/passkeys/options - WebAuthn registration options (the challenge lives 5 minutes)
export const POST = withAuth(async ({ actor }) => NextResponse.json(await ownPasskeyOptions(actor)), { route: "POST /me/mfa/passkeys/options" });
