import { NextResponse } from "next/server";
import { deleteVersionSet } from "@/lib/apis/version-sets/delete-version-set";
import { getVersionSetOrThrow } from "@/lib/apis/version-sets/get-version-set-or-throw";
import { updateVersionSet } from "@/lib/apis/version-sets/update-version-set";
import { toVersionSetResource, updateVersionSetInputSchema } from "@/lib/apis/version-sets/version-set-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { versionSetId: string };

// GET /api/v1/version-sets/{versionSetId}
export const GET = withAuth<Params>(async ({ params }) => NextResponse.json(toVersionSetResource(await getVersionSetOrThrow(params.versionSetId))), {
  route: "GET /version-sets/{versionSetId}",
});

// PATCH /api/v1/version-sets/{versionSetId} - {name?, description?, scheme?, parameterName?}
export const PATCH = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = updateVersionSetInputSchema.parse(await readJson(request));
    return NextResponse.json(await updateVersionSet(params.versionSetId, input, actor));
  },
  { route: "PATCH /version-sets/{versionSetId}" },
);

// DELETE /api/v1/version-sets/{versionSetId} - only when no API is in the set
export const DELETE = withAuth<Params>(
  async ({ params, actor }) => {
    await deleteVersionSet(params.versionSetId, actor);
    return new NextResponse(null, { status: 204 });
  },
  { route: "DELETE /version-sets/{versionSetId}" },
);
