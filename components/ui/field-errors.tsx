"use client";
// Puts a refusal of the API (or of the route's schema, checked in the browser first) under the
// field it concerns. Wrap a form's controls in <FieldErrorScope error={...}>: every Input, Select
// and Textarea inside shows its own message, and the form's ErrorBanner lists only what no field
// on the form could show, so nothing is said twice and nothing is lost.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { controlNameOf, fieldErrorsOf, type FieldAliases, type FieldErrorMap } from "@/lib/client/field-errors";

type Scope = { errors: FieldErrorMap; aliases: FieldAliases; claimed: ReadonlySet<string>; claim: (name: string) => () => void };

const noAliases: FieldAliases = {};

const FieldErrorContext = createContext<Scope | null>(null);

export function FieldErrorScope({ error, aliases = noAliases, children }: { error: unknown; aliases?: FieldAliases; children: ReactNode }) {
  const [claimed, setClaimed] = useState<ReadonlySet<string>>(() => new Set());
  const claim = useCallback((name: string) => {
    setClaimed((prev) => (prev.has(name) ? prev : new Set(prev).add(name)));
    return () =>
      setClaimed((prev) => {
        const next = new Set(prev);
        next.delete(name);
        return next;
      });
  }, []);
  const errors = useMemo(() => fieldErrorsOf(error, aliases), [error, aliases]);
  const scope = useMemo(() => ({ errors, aliases, claimed, claim }), [errors, aliases, claimed, claim]);
  return <FieldErrorContext.Provider value={scope}>{children}</FieldErrorContext.Provider>;
}

/** The message for the control named `name`, if the scope's error names it. */
export function useFieldError(name: string | undefined): string | undefined {
  const scope = useContext(FieldErrorContext);
  const claim = scope?.claim;
  useEffect(() => (name && claim ? claim(name) : undefined), [name, claim]);
  return name ? scope?.errors[name] : undefined;
}

/**
 * For the banner: whether a request-body path's message is already shown under a control of
 * the form (outside a scope, never), so the banner need not repeat it.
 */
export function useShownUnderField(): (path: string) => boolean {
  const scope = useContext(FieldErrorContext);
  return useCallback(
    (path: string) => {
      if (!scope || !path) return false;
      const name = controlNameOf(path, scope.aliases);
      return name in scope.errors && scope.claimed.has(name);
    },
    [scope],
  );
}
