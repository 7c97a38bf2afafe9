import { NextResponse } from "next/server";
import { createRealm, listRealms } from "@/lib/iam/realms/realms";
import { createRealmInputSchema, listRealmsQuerySchema } from "@/lib/iam/realms/realm-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/realms - realms by name, paged (?limit, ?cursor)
export const GET = withAuth(
  async ({ request }) => {
    const query = listRealmsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listRealms(query));
  },
  { route: "GET /realms" },
);

// POST /api/v1/realms - {name, displayName?} -> {id, name, issuer}
export const POST = withAuth(
  async ({ request, actor }) => {
    const input = createRealmInputSchema.parse(await readJson(request));
    return NextResponse.json(await createRealm(input, actor), { status: 201 });
  },
  { route: "POST /realms" },
);
