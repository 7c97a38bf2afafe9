"use client";
// Form controls that always render a real <label> bound to the control (htmlFor/id),
// so screen readers and Playwright's getByLabel find them.
import { useId, type ComponentProps, type ReactNode } from "react";
import { useFieldError } from "@/components/ui/field-errors";

type FieldProps = { label: ReactNode; htmlFor: string; hint?: ReactNode; hintId?: string; error?: string; errorId?: string; children: ReactNode };

export function Field({ label, htmlFor, hint, hintId, error, errorId, children }: FieldProps) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The ids and aria attributes tying a control to its hint and to the API's message about it. */
function useDescribed(inputId: string, hint: ReactNode, name: string | undefined) {
  const error = useFieldError(name);
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return { hintId, error, errorId, aria: { "aria-describedby": describedBy, "aria-invalid": error ? true : undefined } };
}

/** `errorFor`: the request path whose refusal this control shows, where `name` is shared (list rows). */
type Labelled = { label: ReactNode; hint?: ReactNode; errorFor?: string };

export function Input({ label, hint, errorFor, id, className, ...rest }: Labelled & ComponentProps<"input">) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const { hintId, error, errorId, aria } = useDescribed(inputId, hint, errorFor ?? rest.name);
  return (
    <Field label={label} htmlFor={inputId} hint={hint} hintId={hintId} error={error} errorId={errorId}>
      <input id={inputId} className={["input", className ?? ""].join(" ").trim()} {...aria} {...rest} />
    </Field>
  );
}

export function Textarea({ label, hint, errorFor, id, className, ...rest }: Labelled & ComponentProps<"textarea">) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const { hintId, error, errorId, aria } = useDescribed(inputId, hint, errorFor ?? rest.name);
  return (
    <Field label={label} htmlFor={inputId} hint={hint} hintId={hintId} error={error} errorId={errorId}>
      <textarea id={inputId} className={["input textarea", className ?? ""].join(" ").trim()} {...aria} {...rest} />
    </Field>
  );
}

export function Select({ label, hint, errorFor, id, className, children, ...rest }: Labelled & ComponentProps<"select">) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const { hintId, error, errorId, aria } = useDescribed(inputId, hint, errorFor ?? rest.name);
  return (
    <Field label={label} htmlFor={inputId} hint={hint} hintId={hintId} error={error} errorId={errorId}>
      <select id={inputId} className={["input select", className ?? ""].join(" ").trim()} {...aria} {...rest}>
        {children}
      </select>
    </Field>
  );
}

/** Checkbox with its label to the right; the whole label is clickable. */
export function Checkbox({ label, id, ...rest }: { label: ReactNode } & Omit<ComponentProps<"input">, "type">) {
  const autoId = useId();
  const inputId = id ?? autoId;
  return (
    <div className="checkbox">
      <input id={inputId} type="checkbox" {...rest} />
      <label htmlFor={inputId}>{label}</label>
    </div>
  );
}
