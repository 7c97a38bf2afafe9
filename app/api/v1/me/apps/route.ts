import { NextResponse } from "next/server";
import { readJson, withAuth } from "@/lib/http/with-auth";
import { createMyApp } from "@/lib/portal/apps/create-my-app";
import { listMyApps } from "@/lib/portal/apps/list-my-apps";
import { createAppInputSchema, listAppsQuerySchema } from "@/lib/portal/apps/portal-app-schemas";

// GET /api/v1/me/apps - my apps in the portal's realm, newest first, paged (?limit, ?cursor); never a secret
export const GET = withAuth(
  async ({ request, actor }) => {
    const query = listAppsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listMyApps(query, actor));
  },
  { route: "GET /me/apps" },
);

// POST /api/v1/me/apps - {name, description?} -> {app, clientSecret} (the secret shown once)
export const POST = withAuth(
  async ({ request, actor }) => {
    const input = createAppInputSchema.parse(await readJson(request));
    const response = NextResponse.json(await createMyApp(input, actor), { status: 201 });
    response.headers.set("cache-control", "no-store");
    return response;
  },
  { route: "POST /me/apps" },
);
