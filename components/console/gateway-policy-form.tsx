// The forms whose change the gateways enforce (rules, limits, defaults, access rules): the
// route's refusal said under the field it concerns (FieldErrorScope), then one footer with the
// browser's check or the route's refusal and, once saved, that gateways apply it within seconds.
// Give the form a `key` of what it shows, so a saved change re-reads the stored values.
import type { ReactNode } from "react";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import type { FieldAliases } from "@/lib/client/field-errors";
import type { CheckedSubmit } from "@/lib/client/use-request-check";

type Props = {
  /** The form's accessible name ("Request rules"). */
  label: string;
  /** From useCheckedSubmit (or the same shape): the handler and the save's state. */
  submit: CheckedSubmit;
  /** Request-body paths → the controls named otherwise (see ruleFieldAliases, limitFieldAliases). */
  aliases?: FieldAliases;
  canEdit: boolean;
  /** What it saves, in lower case ("rules"): "Save rules", "Rules saved", "Rules refused". */
  saves: string;
  /** Beside the submit button (e.g. "Use the API's rules"). */
  actions?: ReactNode;
  children: ReactNode;
};

export function GatewayPolicyForm({ label, submit, aliases, canEdit, saves, actions, children }: Props) {
  const noun = saves.charAt(0).toUpperCase() + saves.slice(1);
  return (
    <form className="form" onSubmit={submit.onSubmit} aria-label={label}>
      <FieldErrorScope error={submit.error} aliases={aliases}>
        {children}
        <FormFooter
          submitLabel={`Save ${saves}`}
          variant="secondary"
          busy={submit.isPending}
          error={submit.error}
          errorTitle={`${noun} refused`}
          success={submit.isSuccess ? `${noun} saved; the gateways apply them within seconds.` : undefined}
          hideActions={!canEdit}
        >
          {actions}
        </FormFooter>
      </FieldErrorScope>
    </form>
  );
}
