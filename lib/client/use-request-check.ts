// Checks a request body in the browser with the zod schema its route parses, and words a
// refusal exactly as the server would (lib/http/errors.ts: validation_failed, "path: message"
// joined by "; ", the issues beside it), so the form shows the same banner before and after submit.
import { useState, type FormEvent } from "react";
import type { ZodType } from "zod";
import { ApiRequestError } from "./api-client";

/** The server's 400 for `body`, or null when the route's schema accepts it. */
export function requestProblem(schema: ZodType, body: unknown): ApiRequestError | null {
  const result = schema.safeParse(body);
  if (result.success) return null;
  const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const message = issues.map((i) => `${i.path || "(body)"}: ${i.message}`).join("; ");
  return new ApiRequestError(400, "validation_failed", message, { issues });
}

/**
 * `check(body)` is true when the schema accepts the body; otherwise `problem` holds the
 * refusal until the next check. Show it in place of the mutation's error: `problem ?? m.error`.
 */
export function useRequestCheck(schema: ZodType) {
  const [problem, setProblem] = useState<ApiRequestError | null>(null);
  function check(body: unknown): boolean {
    const found = requestProblem(schema, body);
    setProblem(found);
    return found === null;
  }
  return { problem, check, clear: () => setProblem(null) };
}

/** What a react-query mutation offers a form: the structural part, so any resource's mutation fits. */
export interface FormMutation<TBody> {
  mutate(body: TBody, options?: { onSuccess?: () => void }): void;
  reset(): void;
  isPending: boolean;
  isSuccess: boolean;
  error: unknown;
}

/** A form's submit handler and what its footer shows. */
export interface CheckedSubmit {
  onSubmit(e: FormEvent<HTMLFormElement>): void;
  /** The browser's refusal (the route's schema), else the server's answer. */
  error: unknown;
  isPending: boolean;
  isSuccess: boolean;
}

/**
 * The usual form: read the body from the form, check it with the route's schema, send it.
 * `afterSave` runs once the server accepted it (e.g. clear a secret field).
 */
export function useCheckedSubmit<TBody>(
  mutation: FormMutation<TBody>,
  schema: ZodType,
  readBody: (form: HTMLFormElement) => TBody,
  afterSave?: (form: HTMLFormElement) => void,
): CheckedSubmit {
  const request = useRequestCheck(schema);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    mutation.reset();
    const form = e.currentTarget;
    const body = readBody(form);
    if (request.check(body)) mutation.mutate(body, afterSave && { onSuccess: () => afterSave(form) });
  }
  return { onSubmit, error: request.problem ?? mutation.error, isPending: mutation.isPending, isSuccess: mutation.isSuccess };
}
