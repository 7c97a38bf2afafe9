"use client";
// "Example call" beside a subscription's keys: the curl sample of a real operation of the API
// (GET /apis/{id}/example-call: a GET without path parameters when it has one), so the command
// works as shown (the API's root path would answer 404 operation_not_found). The key stays a
// placeholder unless `subscriptionKey` is given (the developer chose to see it).
import Link from "next/link";
import { useApiExampleCall } from "@/lib/client/use-api-reference";

export function ExampleCall({ apiId, subscriptionKey }: { apiId: string | undefined; subscriptionKey?: string }) {
  const example = useApiExampleCall(apiId ?? "", { enabled: Boolean(apiId) });
  if (!apiId) return null;
  if (example.isPending) return <p className="muted">Loading an example call…</p>;
  const data = example.data;
  const operation = data?.operation;
  if (!data || !operation) return null;
  return (
    <>
      <p className="field-hint">
        Example call ({operation.method} {operation.path}; every operation&apos;s samples are on <Link href={`/portal/apis/${encodeURIComponent(apiId)}`}>{data.name}</Link>):
      </p>
      <pre className="code-block">
        <code>{subscriptionKey ? operation.curl.replaceAll(data.keyPlaceholder, subscriptionKey) : operation.curl}</code>
      </pre>
    </>
  );
}
