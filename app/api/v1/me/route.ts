import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/me - who the caller is
export const GET = withAuth(
  async ({ actor }) => {
    const user = actor.userId ? await db().user.findUnique({ where: { id: actor.userId } }) : null;
    return NextResponse.json({ id: actor.userId ?? actor.id, email: user?.email ?? null, name: user?.name ?? actor.label, role: actor.role });
  },
  { route: "GET /me" },
);
