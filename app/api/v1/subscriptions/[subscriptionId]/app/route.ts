import { NextResponse } from "next/server";
import { readJson, withAuth } from "@/lib/http/with-auth";
import { bindSubscriptionApp, unbindSubscriptionApp } from "@/lib/portal/apps/bind-subscription-app";
import { bindAppInputSchema } from "@/lib/portal/apps/portal-app-schemas";

type Params = { subscriptionId: string };

// PUT /api/v1/subscriptions/{subscriptionId}/app - {appId}: with a JWT, the key then works only with that app's tokens
export const PUT = withAuth<Params>(
  async ({ request, params, actor }) => {
    const { appId } = bindAppInputSchema.parse(await readJson(request));
    return NextResponse.json(await bindSubscriptionApp(params.subscriptionId, appId, actor));
  },
  { route: "PUT /subscriptions/{subscriptionId}/app" },
);

// DELETE /api/v1/subscriptions/{subscriptionId}/app - unbind: any client's token goes with the key again
export const DELETE = withAuth<Params>(
  async ({ params, actor }) => NextResponse.json(await unbindSubscriptionApp(params.subscriptionId, actor)),
  { route: "DELETE /subscriptions/{subscriptionId}/app" },
);
