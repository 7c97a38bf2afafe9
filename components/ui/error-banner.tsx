import { ApiRequestError } from "@/lib/client/api-client";

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

/**
 * Shows what went wrong, as the API said it: `error.message`, the error code, and
 * any structured problem list. Renders nothing when there is no error.
 */
export function ErrorBanner({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const apiError = error instanceof ApiRequestError ? error : undefined;
  const problems = apiError ? detailList(apiError) : [];
  return (
    <div className="error-banner" role="alert">
      <p className="error-banner-message">
        {title && <strong>{title}: </strong>}
        {message}
        {apiError && (
          <>
            {" "}
            <code className="error-banner-code">{apiError.code}</code>
          </>
        )}
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
