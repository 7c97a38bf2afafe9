import { NextResponse } from "next/server";
import { createRole, listRoles } from "@/lib/iam/realms/realm-directory";
import { createRoleInputSchema } from "@/lib/iam/realms/realm-directory-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { realm: string };

// GET /api/v1/realms/{realm}/roles
export const GET = withAuth<Params>(async ({ params }) => NextResponse.json({ items: await listRoles(params.realm) }), {
  route: "GET /realms/{realm}/roles",
});

// POST /api/v1/realms/{realm}/roles - {name, description?}
export const POST = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = createRoleInputSchema.parse(await readJson(request));
    return NextResponse.json(await createRole(params.realm, input, actor), { status: 201 });
  },
  { route: "POST /realms/{realm}/roles" },
);
