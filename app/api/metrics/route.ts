import { scrapeConfigDeliveryMetrics } from "@/lib/config-channel/delivery/config-delivery-metrics";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/metrics: Prometheus text exposition, outside /api/v1 as scrapers expect.
// Platform admins only (ADMIN_API_TOKEN, an admin's API token or session): it reveals
// the state of the config channel; errors are the management API's JSON errors.
export const GET = withAuth(
  async () => {
    const { body, contentType } = await scrapeConfigDeliveryMetrics();
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  },
  { permission: "metrics.read" },
);
