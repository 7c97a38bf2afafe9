"use client";
// Form controls that always render a real <label> bound to the control (htmlFor/id),
// so screen readers and Playwright's getByLabel find them.
import { useId, type ComponentProps, type ReactNode } from "react";

type FieldProps = { label: ReactNode; htmlFor: string; hint?: ReactNode; hintId?: string; children: ReactNode };

export function Field({ label, htmlFor, hint, hintId, children }: FieldProps) {
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
    </div>
  );
}

type Labelled = { label: ReactNode; hint?: ReactNode };

export function Input({ label, hint, id, className, ...rest }: Labelled & ComponentProps<"input">) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <Field label={label} htmlFor={inputId} hint={hint} hintId={hintId}>
      <input id={inputId} className={["input", className ?? ""].join(" ").trim()} aria-describedby={hintId} {...rest} />
    </Field>
  );
}

export function Textarea({ label, hint, id, className, ...rest }: Labelled & ComponentProps<"textarea">) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <Field label={label} htmlFor={inputId} hint={hint} hintId={hintId}>
      <textarea id={inputId} className={["input textarea", className ?? ""].join(" ").trim()} aria-describedby={hintId} {...rest} />
    </Field>
  );
}

export function Select({ label, hint, id, className, children, ...rest }: Labelled & ComponentProps<"select">) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <Field label={label} htmlFor={inputId} hint={hint} hintId={hintId}>
      <select id={inputId} className={["input select", className ?? ""].join(" ").trim()} aria-describedby={hintId} {...rest}>
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
