"use client";
import { ApiRequestError } from "@/lib/client/api-client";
import { useShownUnderField } from "@/components/ui/field-errors";

type Problem = string | { message?: unknown; path?: unknown; pointer?: unknown; severity?: unknown; ruleId?: unknown };

function describeProblem(problem: Problem): string {
  if (typeof problem === "string") return problem;
  const where = [problem.path, problem.pointer].find((v) => typeof v === "string" && v);
  const severity = typeof problem.severity === "string" ? `[${problem.severity}] ` : "";
  const message = typeof problem.message === "string" ? problem.message : JSON.stringify(problem);
  return `${severity}${where ? `${where as string}: ` : ""}${message}`;
}

/** Lists carried by the API beside code/message: `problems` (spec import) or `issues` (validation). */
function detailList(error: ApiRequestError): Problem[] {
  const list = error.details.problems ?? error.details.issues;
  return Array.isArray(list) ? (list as Problem[]) : [];
}

const pathOf = (problem: Problem) => (typeof problem === "object" && typeof problem.path === "string" ? problem.path : "");

/**
 * Shows what went wrong, in the API's words: `error.message` and any structured problem list
 * (the code stays in a data attribute for support, never as the text). Inside a FieldErrorScope,
 * what a field of the form already shows under itself is not repeated. Renders nothing without an error.
 */
export function ErrorBanner({ error, title }: { error: unknown; title?: string }) {
  const shownUnderField = useShownUnderField();
  if (!error) return null;
  const apiError = error instanceof ApiRequestError ? error : undefined;
  const allProblems = apiError ? detailList(apiError) : [];
  const problems = allProblems.filter((problem) => !shownUnderField(pathOf(problem)));
  const field = apiError?.details.field;
  const allUnderFields = (allProblems.length > 0 && problems.length === 0) || (typeof field === "string" && shownUnderField(field));
  const someUnderFields = problems.length < allProblems.length;
  const message = allUnderFields
    ? "See the message under the field."
    : someUnderFields
      ? "Some values need changing: see the messages under the fields and this list."
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <div className="error-banner" role="alert" data-code={apiError?.code}>
      <p className="error-banner-message">
        {title && <strong>{title}: </strong>}
        {message}
      </p>
      {problems.length > 0 && (
        <ul className="error-banner-problems">
          {problems.slice(0, 50).map((problem, i) => (
            <li key={i}>{describeProblem(problem)}</li>
          ))}
          {problems.length > 50 && <li>…and {problems.length - 50} more</li>}
        </ul>
      )}
    </div>
  );
}
