import { NextResponse } from "next/server";
import { createVersionSet } from "@/lib/apis/version-sets/create-version-set";
import { listVersionSets } from "@/lib/apis/version-sets/list-version-sets";
import { createVersionSetInputSchema, listVersionSetsQuerySchema } from "@/lib/apis/version-sets/version-set-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/version-sets?search=&limit=&cursor= - a page of version sets with their versions
export const GET = withAuth(
  async ({ request }) => {
    const query = listVersionSetsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listVersionSets(query));
  },
  { route: "GET /version-sets" },
);

// POST /api/v1/version-sets - create a version set {name, scheme, parameterName?}
export const POST = withAuth(
  async ({ request, actor }) => {
    const input = createVersionSetInputSchema.parse(await readJson(request));
    return NextResponse.json(await createVersionSet(input, actor), { status: 201 });
  },
  { route: "POST /version-sets" },
);
