import { NextResponse } from "next/server";
import { createUser } from "@/lib/iam/users/create-user";
import { listUsers } from "@/lib/iam/users/list-users";
import { createUserInputSchema, listUsersQuerySchema } from "@/lib/iam/users/user-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/users?search=&email=&name=&role=&limit=&cursor= - a page of users; viewers may read it
// (the read-only console shows who has access)
export const GET = withAuth(
  async ({ request }) => {
    const query = listUsersQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listUsers(query));
  },
  { route: "GET /users" },
);

// POST /api/v1/users - add a user with a role and an initial password
export const POST = withAuth(
  async ({ request, actor }) => {
    const input = createUserInputSchema.parse(await readJson(request));
    return NextResponse.json(await createUser(input, actor), { status: 201 });
  },
  { route: "POST /users" },
);
