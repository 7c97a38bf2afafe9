// An attempt failed: keep the change pending and say why, for the gateways page and metrics.
import { db } from "@/lib/db";

const MAX_ERROR_LENGTH = 1000;

export function describeDeliveryError(err: unknown): string {
  const message = err instanceof Error ? `${err.name === "Error" ? "" : `${err.name}: `}${err.message}` : String(err);
  return message.replace(/\s+/g, " ").trim().slice(0, MAX_ERROR_LENGTH) || "unknown error";
}

/**
 * Only while something is pending: when another attempt has already delivered a
 * snapshot started after this one's mark, this failure lost nothing and is no news.
 */
export async function recordDeliveryFailure(err: unknown): Promise<void> {
  await db().$executeRaw`
    UPDATE "GatewayConfigDelivery" SET
      "lastError" = ${describeDeliveryError(err)},
      "consecutiveFailures" = "consecutiveFailures" + 1
    WHERE id = 1 AND "pendingSince" IS NOT NULL`;
}
