// The lifecycle in words, never by colour alone: a deprecated API says when it stops answering.
import { formatDateTime } from "@/components/format";
import { StateBadge } from "@/components/ui/badge";
import type { ApiReference } from "@/lib/client/api-types";

export function ApiLifecycleNote({ lifecycle, sunsetAt }: Pick<ApiReference, "lifecycle" | "sunsetAt">) {
  if (lifecycle === "published") return null;
  const text =
    lifecycle === "deprecated"
      ? `Deprecated: ${sunsetAt ? `it stops answering on ${formatDateTime(sunsetAt)}` : "it will be retired"}. Every answer carries the Deprecation${sunsetAt ? " and Sunset headers" : " header"}; move to a newer version.`
      : lifecycle === "retired"
        ? "Retired: the gateway answers 410 Gone to every call."
        : "Draft: developers do not see it and the gateway does not serve it yet.";
  return (
    <div className="hint-box" role="note" aria-label="Lifecycle" data-testid="api-lifecycle">
      <p>
        <StateBadge state={lifecycle} /> {text}
      </p>
    </div>
  );
}
