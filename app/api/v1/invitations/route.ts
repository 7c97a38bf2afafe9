import { NextResponse } from "next/server";
import { readJson, withAuth } from "@/lib/http/with-auth";
import { createInvitation } from "@/lib/portal/accounts/create-invitation";
import { createInvitationInputSchema } from "@/lib/portal/accounts/portal-account-schemas";

// POST /api/v1/invitations - invite an email to sign up in the portal; the single-use link is answered once
export const POST = withAuth(
  async ({ request, actor }) => {
    const input = createInvitationInputSchema.parse(await readJson(request));
    return NextResponse.json(await createInvitation(input, actor), { status: 201, headers: { "cache-control": "no-store" } });
  },
  { route: "POST /invitations" },
);
