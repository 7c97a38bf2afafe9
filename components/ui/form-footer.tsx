"use client";
// The end of every form: what went wrong (as the API or the route's schema said it), what
// went right, and the submit button with any reset or cancel beside it.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ErrorBanner } from "@/components/ui/error-banner";

type FormFooterProps = {
  submitLabel: ReactNode;
  /** A request is in flight: the submit button shows it and refuses a second submit. */
  busy?: boolean;
  disabled?: boolean;
  variant?: "primary" | "secondary" | "danger";
  size?: "md" | "sm";
  error?: unknown;
  errorTitle?: string;
  /** Shown as a status message (screen readers announce it) above the buttons. */
  success?: ReactNode;
  /** Read-only viewers see the messages but no buttons. */
  hideActions?: boolean;
  /** A type="reset" button that clears the form, then calls onReset. */
  resetLabel?: string;
  onReset?: () => void;
  /** Further buttons after submit (e.g. Cancel). */
  children?: ReactNode;
};

export function FormFooter({ submitLabel, busy, disabled, variant, size, error, errorTitle, success, hideActions, resetLabel, onReset, children }: FormFooterProps) {
  return (
    <>
      <ErrorBanner error={error} title={errorTitle} />
      {success && (
        <div className="success-banner" role="status">
          {success}
        </div>
      )}
      {!hideActions && (
        <div className="form-actions">
          <Button type="submit" variant={variant} size={size} busy={busy} disabled={disabled}>
            {submitLabel}
          </Button>
          {resetLabel && (
            <Button type="reset" variant="ghost" size={size} onClick={onReset}>
              {resetLabel}
            </Button>
          )}
          {children}
        </div>
      )}
    </>
  );
}
