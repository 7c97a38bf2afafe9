import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { NextResponse } from "next/server";
import { assertOwnSession, registerOwnPasskey } from "@/lib/iam/mfa/own-factors";
import { registerPasskeyInputSchema } from "@/lib/iam/mfa/mfa-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

// POST /api/v1/me/mfa/passkeys - {response, label?}: verify the registration and store the passkey
export const POST = withAuth(
  async ({ request, actor }) => {
    assertOwnSession(actor);
    const input = registerPasskeyInputSchema.parse(await readJson(request));
    return NextResponse.json(await registerOwnPasskey(actor, input.response as unknown as RegistrationResponseJSON, input.label), { status: 201 });
  },
  { route: "POST /me/mfa/passkeys" },
);
