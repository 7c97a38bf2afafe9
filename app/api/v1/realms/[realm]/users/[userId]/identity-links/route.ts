import { NextResponse } from "next/server";
import { listIdentityLinks } from "@/lib/iam/realms/broker/identity-links";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/realms/{realm}/users/{userId}/identity-links - the identities at identity providers that sign in as this user
export const GET = withAuth<{ realm: string; userId: string }>(
  async ({ params }) => NextResponse.json(await listIdentityLinks(params.realm, params.userId)),
  { route: "GET /realms/{realm}/users/{userId}/identity-links" },
);
