import { NextResponse } from "next/server";
import { assertOwnSession, confirmOwnTotp } from "@/lib/iam/mfa/own-factors";
import { confirmTotpInputSchema } from "@/lib/iam/mfa/mfa-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

// POST /api/v1/me/mfa/totp/{factorId}/confirm - {code}: the first code confirms the enrolment
export const POST = withAuth<{ factorId: string }>(
  async ({ request, params, actor }) => {
    assertOwnSession(actor);
    const { code } = confirmTotpInputSchema.parse(await readJson(request));
    return NextResponse.json(await confirmOwnTotp(actor, params.factorId, code));
  },
  { route: "POST /me/mfa/totp/{factorId}/confirm" },
);
