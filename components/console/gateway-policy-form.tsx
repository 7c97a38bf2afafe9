// The forms whose change the gateways enforce (rules, limits, defaults, access rules): the
// route's refusal said under the field it concerns (FieldErrorScope), then one footer with the
// browser's check or the route's refusal and, once saved, that gateways apply it within seconds.
// Give the form a `key` of what it shows, so a saved change re-reads the stored values.
import type { FormEvent, ReactNode } from "react";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import type { FieldAliases } from "@/lib/client/field-errors";

/** What a react-query mutation says about the save. */
interface SaveState {
  isPending: boolean;
  isSuccess: boolean;
  error: unknown;
}

type Props = {
  /** The form's accessible name ("Request rules"). */
  label: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  save: SaveState;
  /** Found before sending (the route's zod schema in the browser), or by another action of the form. */
  problem?: unknown;
  /** Request-body paths → the controls named otherwise (see ruleFieldAliases, limitFieldAliases). */
  aliases?: FieldAliases;
  canEdit: boolean;
  submitLabel: string;
  /** "Rules saved": the start of the success message. */
  saved: string;
  errorTitle: string;
  /** Beside the submit button (e.g. "Use the API's rules"). */
  actions?: ReactNode;
  children: ReactNode;
};

export function GatewayPolicyForm({ label, onSubmit, save, problem, aliases, canEdit, submitLabel, saved, errorTitle, actions, children }: Props) {
  const error = problem ?? save.error;
  return (
    <form className="form" onSubmit={onSubmit} aria-label={label}>
      <FieldErrorScope error={error} aliases={aliases}>
        {children}
        <FormFooter
          submitLabel={submitLabel}
          variant="secondary"
          busy={save.isPending}
          error={error}
          errorTitle={errorTitle}
          success={save.isSuccess ? `${saved}; the gateways apply them within seconds.` : undefined}
          hideActions={!canEdit}
        >
          {actions}
        </FormFooter>
      </FieldErrorScope>
    </form>
  );
}
