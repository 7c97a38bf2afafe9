import { NextResponse } from "next/server";
import { createRealmUser, listRealmUsers } from "@/lib/iam/realms/realm-directory";
import { createRealmUserInputSchema } from "@/lib/iam/realms/realm-directory-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { realm: string };

// GET /api/v1/realms/{realm}/users
export const GET = withAuth<Params>(async ({ params }) => NextResponse.json({ items: await listRealmUsers(params.realm) }), {
  route: "GET /realms/{realm}/users",
});

// POST /api/v1/realms/{realm}/users - {username, email?, password?, roles?, clientRoles?, groups?}
export const POST = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = createRealmUserInputSchema.parse(await readJson(request));
    return NextResponse.json(await createRealmUser(params.realm, input, actor), { status: 201 });
  },
  { route: "POST /realms/{realm}/users" },
);
