import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/http/error-response";
import { withRequestId } from "@/lib/http/request-id";
import { readJson } from "@/lib/http/with-auth";
import { signUpInputSchema } from "@/lib/portal/accounts/portal-account-schemas";
import { requestClientAddress } from "@/lib/portal/accounts/request-client-address";
import { signUp } from "@/lib/portal/accounts/sign-up";

// POST /api/v1/signup - a visitor creates a developer account (public; throttled per address and email;
// the workspace's portal.signUpMode decides whether it is active at once, waits for approval or needs an invitation)
export function POST(request: NextRequest): Promise<Response> {
  return withRequestId(request, async () => {
    try {
      const input = signUpInputSchema.parse(await readJson(request));
      return NextResponse.json(await signUp(input, requestClientAddress(request)), { status: 201, headers: { "cache-control": "no-store" } });
    } catch (err) {
      return errorResponse(err);
    }
  });
}
