import { NextResponse } from "next/server";
import { withAuth } from "@/lib/http/with-auth";
import { deleteMyApp } from "@/lib/portal/apps/delete-my-app";
import { getMyApp } from "@/lib/portal/apps/get-my-app-or-throw";

type Params = { appId: string };

// GET /api/v1/me/apps/{appId} - one of my apps (anyone else's id: 404)
export const GET = withAuth<Params>(
  async ({ params, actor }) => NextResponse.json(await getMyApp(params.appId, actor)),
  { route: "GET /me/apps/{appId}" },
);

// DELETE /api/v1/me/apps/{appId} - delete the app (its client and secret); bound subscriptions are unbound
export const DELETE = withAuth<Params>(
  async ({ params, actor }) => {
    await deleteMyApp(params.appId, actor);
    return new NextResponse(null, { status: 204 });
  },
  { route: "DELETE /me/apps/{appId}" },
);
