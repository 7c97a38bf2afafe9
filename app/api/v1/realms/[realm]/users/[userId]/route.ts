import { NextResponse } from "next/server";
import { updateRealmUser } from "@/lib/iam/realms/realm-directory";
import { updateRealmUserInputSchema } from "@/lib/iam/realms/realm-directory-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

// PATCH /api/v1/realms/{realm}/users/{userId} - email, password reset, enable/disable, roles, groups
export const PATCH = withAuth<{ realm: string; userId: string }>(
  async ({ request, params, actor }) => {
    const input = updateRealmUserInputSchema.parse(await readJson(request));
    return NextResponse.json(await updateRealmUser(params.realm, params.userId, input, actor));
  },
  { route: "PATCH /realms/{realm}/users/{userId}" },
);
