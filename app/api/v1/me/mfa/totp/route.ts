import { NextResponse } from "next/server";
import { startOwnTotp } from "@/lib/iam/mfa/own-factors";
import { withAuth } from "@/lib/http/with-auth";

// POST /api/v1/me/mfa/totp - start a TOTP enrolment: secret, otpauth URI and QR code (confirm with a code)
export const POST = withAuth(async ({ actor }) => NextResponse.json(await startOwnTotp(actor), { status: 201 }), { route: "POST /me/mfa/totp" });
