import { NextResponse } from "next/server";
import { getUserOrThrow } from "@/lib/iam/users/get-user-or-throw";
import { updateUser } from "@/lib/iam/users/update-user";
import { toUserResource, updateUserInputSchema } from "@/lib/iam/users/user-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { userId: string };

// GET /api/v1/users/{userId}
export const GET = withAuth<Params>(async ({ params }) => NextResponse.json(toUserResource(await getUserOrThrow(params.userId))), {
  route: "GET /users/{userId}",
});

// PATCH /api/v1/users/{userId} - {name?, role?, disabled?, password?}; 409 for the last active platform admin
export const PATCH = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = updateUserInputSchema.parse(await readJson(request));
    return NextResponse.json(await updateUser(params.userId, input, actor));
  },
  { route: "PATCH /users/{userId}" },
);
