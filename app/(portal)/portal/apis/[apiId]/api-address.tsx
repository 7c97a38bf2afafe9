// Where and how to call the API: the gateway address (with the path version), the version
// header or query parameter a version set needs, and where the key goes.
import { CopyButton } from "@/components/ui/copy-button";
import type { ApiReference } from "@/lib/client/api-types";

export function ApiAddress({ reference }: { reference: ApiReference }) {
  const { serverUrl, version } = reference;
  return (
    <div className="hint-box">
      <p>
        Base URL: <code data-testid="gateway-server">{serverUrl}</code> <CopyButton value={serverUrl} label="base URL" />
      </p>
      {version && (
        <p>
          Version {version.value}: send the {version.in === "header" ? "header" : "query parameter"}{" "}
          <code>{version.in === "header" ? `${version.name}: ${version.value}` : `${version.name}=${version.value}`}</code> with every call.
        </p>
      )}
      {reference.subscriptionRequired ? (
        <p className="muted">
          Send your subscription key in the <code>{reference.subscriptionKeyHeader}</code> header (or the{" "}
          <code>{reference.subscriptionKeyQuery}</code> query parameter).
        </p>
      ) : (
        <p className="muted">This API needs no subscription key.</p>
      )}
    </div>
  );
}
