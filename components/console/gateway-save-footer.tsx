// The footer of each form whose change the gateways enforce (rules, limits, defaults): the
// browser's check or the route's refusal, and once saved, that gateways apply it within seconds.
import type { ReactNode } from "react";
import { FormFooter } from "@/components/ui/form-footer";

/** What a react-query mutation says about the save. */
interface SaveState {
  isPending: boolean;
  isSuccess: boolean;
  error: unknown;
}

export function GatewaySaveFooter({
  submitLabel,
  saved,
  errorTitle,
  save,
  problem,
  canEdit,
  children,
}: {
  submitLabel: string;
  /** "Rules saved": the start of the success message. */
  saved: string;
  errorTitle: string;
  save: SaveState;
  /** Found before sending (the route's zod schema in the browser), or by another action of the form. */
  problem?: unknown;
  canEdit: boolean;
  children?: ReactNode;
}) {
  return (
    <FormFooter
      submitLabel={submitLabel}
      variant="secondary"
      busy={save.isPending}
      error={problem ?? save.error}
      errorTitle={errorTitle}
      success={save.isSuccess ? `${saved}; the gateways apply them within seconds.` : undefined}
      hideActions={!canEdit}
    >
      {children}
    </FormFooter>
  );
}
