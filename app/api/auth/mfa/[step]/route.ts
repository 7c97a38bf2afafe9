// The sign-in page's helpers between password and second factor (see lib/iam/mfa/pending-step-helpers.ts):
// POST /api/auth/mfa/passkey-options and /api/auth/mfa/totp-enrolment, each {mfaToken}.
import { NextResponse } from "next/server";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { errorResponse } from "@/lib/http/error-response";
import { notFound } from "@/lib/http/errors";
import { readJson } from "@/lib/http/with-auth";
import { pendingStepInputSchema } from "@/lib/iam/mfa/mfa-schemas";
import { passkeyOptionsForSignIn, totpEnrolmentForSignIn } from "@/lib/iam/mfa/pending-step-helpers";

const steps = { "passkey-options": passkeyOptionsForSignIn, "totp-enrolment": totpEnrolmentForSignIn } as const;

export async function POST(request: Request, context: { params: Promise<{ step: string }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
    const { step } = await context.params;
    if (!(step in steps)) throw notFound("Sign-in step", step);
    const { mfaToken } = pendingStepInputSchema.parse(await readJson(request));
    const answer = await steps[step as keyof typeof steps](mfaToken);
    return NextResponse.json(answer, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}
