import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info" | "accent";

export function Badge({ tone = "neutral", children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={["badge", `badge-${tone}`, className ?? ""].join(" ").trim()}>{children}</span>;
}

// One colour per state across console and portal, so "suspended" always reads the same.
const stateTones: Record<string, BadgeTone> = {
  active: "success",
  published: "success",
  submitted: "warning",
  draft: "neutral",
  suspended: "warning",
  deprecated: "warning",
  rejected: "danger",
  cancelled: "danger",
  retired: "danger",
  expired: "neutral",
};

export function StateBadge({ state }: { state: string }) {
  return <Badge tone={stateTones[state] ?? "neutral"}>{state}</Badge>;
}

/** HTTP method pill; colour by verb, as in most API tooling. */
export function MethodBadge({ method }: { method: string }) {
  const verb = method.toUpperCase();
  return <span className={`method method-${verb.toLowerCase()}`}>{verb}</span>;
}
