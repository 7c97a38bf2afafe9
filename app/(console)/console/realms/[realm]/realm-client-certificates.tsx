"use client";
// One client's certificates from the realm's CA: issue one from a CSR or a public key (PEM),
// the paged list (newest first, state of each), and revocation. The private key never leaves
// the client: the console only ever sees the request or the public key.
import { useRef, type FormEvent } from "react";
import type { IssueClientCertificateRequest } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Textarea } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { LoadMore } from "@/components/ui/load-more";
import { Table } from "@/components/ui/table";
import { issueCertificateInputSchema } from "@/lib/iam/realms/realm-ca-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useClientCertificates, useIssueClientCertificate, useRevokeClientCertificate } from "@/lib/client/use-realm-admin";

const statusTone = { valid: "success", expired: "neutral", revoked: "danger" } as const;

export function RealmClientCertificates({ realm, clientId, canManage }: { realm: string; clientId: string; canManage: boolean }) {
  const certificates = useClientCertificates(realm, clientId);
  const issue = useIssueClientCertificate(realm, clientId);
  const revoke = useRevokeClientCertificate(realm, clientId);
  const request = useRequestCheck(issueCertificateInputSchema);
  const formRef = useRef<HTMLFormElement>(null);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const pem = formText(e.currentTarget, "pem");
    const hours = formText(e.currentTarget, "validityHours");
    const body: IssueClientCertificateRequest = {
      ...(pem.includes("CERTIFICATE REQUEST") ? { csr: pem } : { publicKey: pem }),
      ...(hours ? { validitySeconds: Math.round(Number(hours) * 3600) } : {}),
    };
    if (request.check(body)) issue.mutate(body, { onSuccess: () => formRef.current?.reset() });
  }

  return (
    <section aria-label={`Certificates of ${clientId}`}>
      <h3>Client certificates</h3>
      <p className="field-hint">Issued by the realm&apos;s CA for mutual TLS: APIs whose mTLS trusts this realm accept them as this client.</p>
      <ErrorBanner error={certificates.error ?? revoke.error} />
      {issue.data && (
        <div className="keys-box" role="region" aria-label="New client certificate">
          <p className="keys-box-title">Certificate {issue.data.serialNumber}, valid until {formatDateTime(issue.data.notAfter)}:</p>
          <Textarea label="Certificate (PEM)" readOnly rows={6} value={issue.data.certificate} data-testid="new-client-certificate" />
          <Textarea label="Realm CA certificate (PEM)" readOnly rows={4} value={issue.data.caCertificate} />
        </div>
      )}
      <Table
        caption={`Certificates of ${clientId}`}
        columns={["Serial", "Status", "Valid from", "Valid until", "Revoked", ""]}
        loading={certificates.isPending && "Loading certificates…"}
        empty={certificates.isSuccess && certificates.items.length === 0 && "No certificates yet."}
      >
        {certificates.items.map((cert) => (
          <tr key={cert.serialNumber}>
            <td>
              <code title={cert.fingerprint}>{cert.serialNumber}</code>
            </td>
            <td>
              <Badge tone={statusTone[cert.status]}>{cert.status}</Badge>
            </td>
            <td>{formatDateTime(cert.notBefore)}</td>
            <td>{formatDateTime(cert.notAfter)}</td>
            <td>{formatDateTime(cert.revokedAt)}</td>
            <td>
              {canManage && cert.status === "valid" && (
                <ConfirmButton
                  size="sm"
                  variant="danger"
                  aria-label={`Revoke certificate ${cert.serialNumber}`}
                  busy={revoke.isPending && revoke.variables === cert.serialNumber}
                  confirm={{
                    title: `Revoke certificate ${cert.serialNumber}?`,
                    body: `${clientId} can no longer authenticate with this certificate (mutual TLS); the realm's revocation list names it from now on.`,
                    wayBack: "There is no way back: a revoked certificate stays revoked. Issue a new one for the client.",
                    confirmLabel: "Revoke certificate",
                  }}
                  onConfirm={() => revoke.mutate(cert.serialNumber)}
                >
                  Revoke
                </ConfirmButton>
              )}
            </td>
          </tr>
        ))}
      </Table>
      <LoadMore list={certificates} />
      {canManage && (
        <form className="form" onSubmit={onSubmit} ref={formRef} aria-label={`Issue a certificate to ${clientId}`}>
          <Textarea label="CSR or public key (PEM)" name="pem" rows={4} required hint="-----BEGIN CERTIFICATE REQUEST----- or -----BEGIN PUBLIC KEY-----" />
          <Input label="Valid for (hours)" name="validityHours" type="number" min={1} max={720} step="any" hint="Default 24; rotate before it expires" />
          <FormFooter submitLabel="Issue certificate" variant="secondary" busy={issue.isPending} error={request.problem ?? issue.error} errorTitle="Could not issue the certificate" />
        </form>
      )}
    </section>
  );
}
