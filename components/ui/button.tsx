"use client";
import type { ButtonHTMLAttributes } from "react";
import { useHydrated } from "@/components/use-hydrated";

type Variant = "primary" | "secondary" | "danger" | "ghost";

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  size?: "md" | "sm";
  /** Shows a busy state and blocks double submits while a request is in flight. */
  busy?: boolean;
};

/**
 * Plain <button>; defaults to type="button" so only explicit submit buttons submit forms.
 * Disabled until hydrated, so nothing is clicked before its handler exists.
 */
export function Button({ variant = "primary", size = "md", busy, className, disabled, type, ...rest }: ButtonProps) {
  const hydrated = useHydrated();
  const classes = ["btn", `btn-${variant}`, size === "sm" ? "btn-sm" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <button
      type={type ?? "button"}
      className={classes}
      disabled={!hydrated || disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    />
  );
}
