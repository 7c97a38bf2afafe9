import { NextResponse } from "next/server";
import { createRole, listRoles } from "@/lib/iam/realms/realm-directory";
import { createRoleInputSchema, listByNameQuerySchema } from "@/lib/iam/realms/realm-directory-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { realm: string };

// GET /api/v1/realms/{realm}/roles - by name, paged (?limit, ?cursor, ?search)
export const GET = withAuth<Params>(
  async ({ request, params }) => {
    const query = listByNameQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listRoles(params.realm, query));
  },
  { route: "GET /realms/{realm}/roles" },
);

// POST /api/v1/realms/{realm}/roles - {name, description?}
export const POST = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = createRoleInputSchema.parse(await readJson(request));
    return NextResponse.json(await createRole(params.realm, input, actor), { status: 201 });
  },
  { route: "POST /realms/{realm}/roles" },
);
