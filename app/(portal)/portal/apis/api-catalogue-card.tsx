// One API of the catalogue: its name (the link to its page), where it lives on the gateway,
// its version and lifecycle (in words as well as colour), and its size.
import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { Badge, StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Api } from "@/lib/client/api-types";

export function ApiCatalogueCard({ api }: { api: Api }) {
  const version = api.versionName ?? api.currentRevision?.version;
  return (
    <Card as="article" id={`api-${api.id}`} title={<Link href={`/portal/apis/${api.id}`}>{api.name}</Link>} className="product-card">
      <p className="form-actions">
        <StateBadge state={api.lifecycle} />
        {version && <Badge tone="info">{api.versionSet ? `${api.versionSet.name} ${version}` : `Version ${version}`}</Badge>}
        {api.subscriptionRequired ? <Badge>Key required</Badge> : <Badge tone="success">No key needed</Badge>}
      </p>
      {api.lifecycle === "deprecated" && (
        <p>Deprecated{api.sunsetAt ? `: stops answering on ${formatDateTime(api.sunsetAt)}` : ""}.</p>
      )}
      <p className="product-description">{api.description || <span className="muted">No description.</span>}</p>
      <p className="muted">
        <code>/{api.gatewayPath}</code> · {api.operationCount} operation{api.operationCount === 1 ? "" : "s"}
      </p>
    </Card>
  );
}
