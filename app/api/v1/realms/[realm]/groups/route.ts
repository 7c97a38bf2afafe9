import { NextResponse } from "next/server";
import { createGroup, listGroups } from "@/lib/iam/realms/realm-directory";
import { createGroupInputSchema, listByNameQuerySchema } from "@/lib/iam/realms/realm-directory-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { realm: string };

// GET /api/v1/realms/{realm}/groups - by name, paged (?limit, ?cursor, ?search)
export const GET = withAuth<Params>(
  async ({ request, params }) => {
    const query = listByNameQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listGroups(params.realm, query));
  },
  { route: "GET /realms/{realm}/groups" },
);

// POST /api/v1/realms/{realm}/groups - {name, roles}
export const POST = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = createGroupInputSchema.parse(await readJson(request));
    return NextResponse.json(await createGroup(params.realm, input, actor), { status: 201 });
  },
  { route: "POST /realms/{realm}/groups" },
);
