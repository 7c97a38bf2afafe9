// A status with its class in words, so a refusal never reads by colour alone.
import { Badge, type BadgeTone } from "@/components/ui/badge";

const classes: Record<string, { word: string; tone: BadgeTone }> = {
  "1": { word: "informational", tone: "neutral" },
  "2": { word: "success", tone: "success" },
  "3": { word: "redirect", tone: "info" },
  "4": { word: "client error", tone: "warning" },
  "5": { word: "server error", tone: "danger" },
};

export function StatusText({ status }: { status: number }) {
  const c = classes[String(status)[0]] ?? { word: "unknown", tone: "neutral" as const };
  return (
    <Badge tone={c.tone}>
      {status} <span className="visually-hidden">({c.word})</span>
    </Badge>
  );
}
