import { NextResponse } from "next/server";
import { deleteRealm, getRealm, updateRealm } from "@/lib/iam/realms/realms";
import { updateRealmInputSchema } from "@/lib/iam/realms/realm-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { realm: string };

// GET /api/v1/realms/{realm}
export const GET = withAuth<Params>(async ({ params }) => NextResponse.json(await getRealm(params.realm)), { route: "GET /realms/{realm}" });

// PATCH /api/v1/realms/{realm} - display name, enabled, lifetimes, signing algorithm, rotation interval
export const PATCH = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = updateRealmInputSchema.parse(await readJson(request));
    return NextResponse.json(await updateRealm(params.realm, input, actor));
  },
  { route: "PATCH /realms/{realm}" },
);

// DELETE /api/v1/realms/{realm} - with everything in it; refused while APIs are bound to it
export const DELETE = withAuth<Params>(
  async ({ params, actor }) => NextResponse.json(await deleteRealm(params.realm, actor)),
  { route: "DELETE /realms/{realm}" },
);
