"use client";
// The realm's certificate authority: made when it first issues a client certificate (or an API's
// mTLS trusts it); its certificate, the revocation list and the public CRL's address.
import { formatDateTime } from "@/components/format";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Textarea } from "@/components/ui/field";
import { ApiRequestError } from "@/lib/client/api-client";
import { useRealmCa } from "@/lib/client/use-realm-admin";

export function RealmCaCard({ name }: { name: string }) {
  const ca = useRealmCa(name);
  const none = ca.error instanceof ApiRequestError && ca.error.status === 404;
  return (
    <Card title="Certificate authority">
      {none ? (
        <p className="field-hint">No CA yet: it is made when a client gets its first certificate, or when an API&apos;s mutual TLS trusts this realm.</p>
      ) : (
        <ErrorBanner error={ca.error} />
      )}
      {ca.data && (
        <>
          <dl className="details">
            <dt>Subject</dt>
            <dd>{ca.data.subject}</dd>
            <dt>Fingerprint (SHA-256)</dt>
            <dd>
              <code>{ca.data.fingerprint}</code>
            </dd>
            <dt>Valid until</dt>
            <dd>{formatDateTime(ca.data.notAfter)}</dd>
            <dt>Revoked, not yet expired</dt>
            <dd>{ca.data.revoked.length === 0 ? "none" : ca.data.revoked.map((r) => r.serialNumber).join(", ")}</dd>
            <dt>CRL</dt>
            <dd>
              <a href={ca.data.crlUri}>{ca.data.crlUri}</a>
            </dd>
          </dl>
          <Textarea label="CA certificate (PEM)" readOnly rows={4} value={ca.data.certificate} />
        </>
      )}
    </Card>
  );
}
