// What the gateway answered to a test request: status, time, headers (rate limit ones first, as
// they are what people test for) and the body, pretty-printed when it is JSON.
import type { TestResponse } from "@/lib/apis/test-console/test-request-schemas";
import { formatBytes } from "@/components/format";

const isLimitHeader = (name: string) => /^(x-)?ratelimit|^retry-after$/i.test(name);

function pretty(body: string, contentType: string | undefined): string {
  if (!contentType?.includes("json")) return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function TestResponseView({ response }: { response: TestResponse }) {
  const headers = Object.entries(response.headers).sort(([a], [b]) => Number(isLimitHeader(b)) - Number(isLimitHeader(a)) || a.localeCompare(b));
  return (
    <section aria-label="Test response" className="test-response">
      <p role="status">
        <strong>Status {response.status}</strong> · {response.durationMs} ms · <code>{response.url}</code>
      </p>
      <h3>Headers</h3>
      <dl className="details" aria-label="Response headers">
        {headers.map(([name, value]) => (
          <div key={name} className="details-row">
            <dt>{name}</dt>
            <dd>
              <code>{value}</code>
            </dd>
          </div>
        ))}
      </dl>
      <h3>Body</h3>
      {response.bodyTruncated && <p className="muted">Cut at {formatBytes(response.body.length)}: the answer was longer.</p>}
      <pre className="mono test-response-body" aria-label="Response body">
        {pretty(response.body, response.headers["content-type"]) || <span className="muted">(empty)</span>}
      </pre>
    </section>
  );
}
