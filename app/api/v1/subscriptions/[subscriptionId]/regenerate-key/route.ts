import { NextResponse } from "next/server";
import { regenerateSubscriptionKey } from "@/lib/subscriptions/subscription-secrets";
import { regenerateKeyInputSchema } from "@/lib/subscriptions/subscription-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

// POST /api/v1/subscriptions/{id}/regenerate-key - replace the primary or secondary key
export const POST = withAuth<{ subscriptionId: string }>(
  async ({ request, params, actor }) => {
    const { key } = regenerateKeyInputSchema.parse(await readJson(request));
    const response = NextResponse.json(await regenerateSubscriptionKey(params.subscriptionId, key, actor));
    response.headers.set("cache-control", "no-store");
    return response;
  },
  { route: "POST /subscriptions/{subscriptionId}/regenerate-key" },
);
