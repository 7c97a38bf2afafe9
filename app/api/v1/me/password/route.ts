import { readJson, withAuth } from "@/lib/http/with-auth";
import { changeOwnPassword } from "@/lib/portal/accounts/change-own-password";
import { changePasswordInputSchema } from "@/lib/portal/accounts/portal-account-schemas";
import { requestClientAddress } from "@/lib/portal/accounts/request-client-address";

// POST /api/v1/me/password - change one's own password (the current one is required); every other session ends
export const POST = withAuth(
  async ({ request, actor }) => {
    const input = changePasswordInputSchema.parse(await readJson(request));
    await changeOwnPassword(input, actor, requestClientAddress(request));
    return new Response(null, { status: 204 });
  },
  { route: "POST /me/password" },
);
