import { NextResponse } from "next/server";
import { createVersionSet } from "@/lib/apis/version-sets/create-version-set";
import { listVersionSets } from "@/lib/apis/version-sets/list-version-sets";
import { createVersionSetInputSchema } from "@/lib/apis/version-sets/version-set-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/version-sets - list version sets with their versions
export const GET = withAuth(async () => NextResponse.json({ items: await listVersionSets() }), { route: "GET /version-sets" });

// POST /api/v1/version-sets - create a version set {name, scheme, parameterName?}
export const POST = withAuth(
  async ({ request, actor }) => {
    const input = createVersionSetInputSchema.parse(await readJson(request));
    return NextResponse.json(await createVersionSet(input, actor), { status: 201 });
  },
  { route: "POST /version-sets" },
);
