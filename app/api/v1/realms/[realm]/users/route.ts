import { NextResponse } from "next/server";
import { createRealmUser, listRealmUsers } from "@/lib/iam/realms/realm-directory";
import { createRealmUserInputSchema, listRealmUsersQuerySchema } from "@/lib/iam/realms/realm-directory-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { realm: string };

// GET /api/v1/realms/{realm}/users - by username, paged (?limit, ?cursor, ?search)
export const GET = withAuth<Params>(
  async ({ request, params }) => {
    const query = listRealmUsersQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listRealmUsers(params.realm, query));
  },
  { route: "GET /realms/{realm}/users" },
);

// POST /api/v1/realms/{realm}/users - {username, email?, password?, roles?, clientRoles?, groups?}
export const POST = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = createRealmUserInputSchema.parse(await readJson(request));
    return NextResponse.json(await createRealmUser(params.realm, input, actor), { status: 201 });
  },
  { route: "POST /realms/{realm}/users" },
);
