import { NextResponse } from "next/server";
import { rotateKeysInputSchema } from "@/lib/iam/realms/realm-key-schemas";
import { listSigningKeys, rotateRealmKeys } from "@/lib/iam/realms/signing-keys";
import { readJson, withAuth } from "@/lib/http/with-auth";

// POST /api/v1/realms/{realm}/keys/rotate - staged -> active, active -> passive, a new staged key; body optional
export const POST = withAuth<{ realm: string }>(
  async ({ request, params, actor }) => {
    const hasBody = request.headers.get("content-length") !== "0" && request.body !== null;
    const input = rotateKeysInputSchema.parse(hasBody ? await readJson(request) : {});
    await rotateRealmKeys(params.realm, actor, input);
    return NextResponse.json({ items: await listSigningKeys(params.realm) });
  },
  { route: "POST /realms/{realm}/keys/rotate" },
);
