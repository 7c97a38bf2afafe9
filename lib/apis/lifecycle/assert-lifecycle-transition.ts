// An API's lifecycle: draft -> published -> deprecated -> retired, and back
// from deprecated to published. Retired is final: clients have been told 410.
import type { ApiLifecycle } from "@/generated/prisma/client";
import { ApiError } from "@/lib/http/errors";

const nextStates: Record<ApiLifecycle, readonly ApiLifecycle[]> = {
  DRAFT: ["PUBLISHED"],
  PUBLISHED: ["DEPRECATED"],
  DEPRECATED: ["PUBLISHED", "RETIRED"],
  RETIRED: [],
};

export function assertLifecycleTransition(from: ApiLifecycle, to: ApiLifecycle): void {
  if (from === to || nextStates[from].includes(to)) return;
  const allowed = nextStates[from].map((s) => s.toLowerCase()).join(" or ") || "nothing (retired is final)";
  throw new ApiError("conflict", `An API cannot go from ${from.toLowerCase()} to ${to.toLowerCase()}; from ${from.toLowerCase()} it can go to ${allowed}`);
}
