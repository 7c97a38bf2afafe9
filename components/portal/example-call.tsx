"use client";
// "Example call" beside a subscription's keys: the curl sample of a real operation of the API
// (a GET without path parameters when it has one), from the API's reference, so the command
// works as shown (the API's root path would answer 404 operation_not_found). The key stays a
// placeholder unless `subscriptionKey` is given (the developer chose to see it).
import Link from "next/link";
import { useApiReference } from "@/lib/client/use-api-reference";

export function ExampleCall({ apiId, subscriptionKey }: { apiId: string | undefined; subscriptionKey?: string }) {
  const reference = useApiReference(apiId ?? "", { enabled: Boolean(apiId) });
  if (!apiId) return null;
  if (reference.isPending) return <p className="muted">Loading an example call…</p>;
  const data = reference.data;
  const operations = data?.operations ?? [];
  const operation = operations.find((o) => o.method === "GET" && !o.path.includes("{")) ?? operations[0];
  const curl = operation?.samples.find((s) => s.language === "curl")?.code;
  if (!data || !operation || !curl) return null;
  return (
    <>
      <p className="field-hint">
        Example call ({operation.method} {operation.path}; every operation&apos;s samples are on <Link href={`/portal/apis/${encodeURIComponent(apiId)}`}>{data.name}</Link>):
      </p>
      <pre className="code-block">
        <code>{subscriptionKey ? curl.replaceAll(data.keyPlaceholder, subscriptionKey) : curl}</code>
      </pre>
    </>
  );
}
