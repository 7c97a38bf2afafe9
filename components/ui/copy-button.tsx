"use client";
// Beside every secret the console shows once: copying by hand invites a missed character.
// The confirmation is announced (aria-live) and seen, since a clipboard write is otherwise silent.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

type CopyButtonProps = {
  value: string;
  /** What is copied, for the accessible name: "Copy primary key". */
  label: string;
};

export function CopyButton({ value, label }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // No clipboard permission or an insecure origin: say so rather than pretend.
      setState("failed");
    }
  };

  return (
    <span className="copy-button">
      <Button size="sm" variant="secondary" aria-label={`Copy ${label}`} onClick={copy}>
        Copy
      </Button>
      <span className="copy-status" role="status" aria-live="polite">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select the text and copy it by hand" : ""}
      </span>
    </span>
  );
}
