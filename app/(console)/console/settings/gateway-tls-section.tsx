"use client";
// The certificate every gateway's HTTPS listener presents, set from the console:
// shown (subject, SANs, validity, fingerprint), replaced or removed by platform
// admins. The key is write-only: stored encrypted, sent to the gateways sealed,
// never shown again. Checked in the browser with the PUT route's own schema.
import { formText } from "@/components/form-data";
import { formatDateTime } from "@/components/format";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Textarea } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { gatewayTlsInputSchema } from "@/lib/gateway-tls/gateway-tls-schemas";
import { useClearGatewayTls, useGatewayTls, useSetGatewayTls } from "@/lib/client/use-gateway-tls";
import { useCheckedSubmit } from "@/lib/client/use-request-check";

export function GatewayTlsSection({ canEdit }: { canEdit: boolean }) {
  const current = useGatewayTls();
  const clear = useClearGatewayTls();
  const submit = useCheckedSubmit(
    useSetGatewayTls(),
    gatewayTlsInputSchema,
    (form) => ({ certificate: formText(form, "certificate"), privateKey: formText(form, "privateKey") }),
    (form) => form.reset(), // the key is write-only: it leaves the page once stored
  );

  const cert = current.data?.certificate;
  return (
    <Card title="Gateway HTTPS certificate">
      <ErrorBanner error={current.error ?? clear.error} />
      {current.data && !current.data.configured && (
        <p className="muted">None set here: each gateway presents its own GATEWAY_TLS_CERT_FILE, if it has one.</p>
      )}
      {cert && (
        <dl className="details" aria-label="Current gateway certificate">
          <dt>Subject</dt>
          <dd>{cert.subject}</dd>
          <dt>Names</dt>
          <dd>{cert.sans.join(", ") || "none"}</dd>
          <dt>Issuer</dt>
          <dd>{cert.issuer}</dd>
          <dt>Valid</dt>
          <dd>
            {formatDateTime(cert.notBefore)} to {formatDateTime(cert.notAfter)}
          </dd>
          <dt>SHA-256</dt>
          <dd>
            <code>{cert.fingerprint}</code>
          </dd>
        </dl>
      )}
      {canEdit && (
        <form className="form" onSubmit={submit.onSubmit} aria-label="Gateway certificate" noValidate>
          <FieldErrorScope error={submit.error}>
            <Textarea label="Certificate chain (PEM)" name="certificate" rows={4} placeholder="-----BEGIN CERTIFICATE-----" hint="The server certificate first, then its intermediates" />
            <Textarea
              label="Private key (PEM)"
              name="privateKey"
              rows={4}
              autoComplete="off"
              placeholder="-----BEGIN PRIVATE KEY-----"
              hint="Unencrypted; stored encrypted and sealed for the gateways, never shown again. Gateways swap it in without dropping connections"
            />
            <FormFooter
              submitLabel={current.data?.configured ? "Replace certificate" : "Set certificate"}
              variant="secondary"
              busy={submit.isPending}
              error={submit.error}
              errorTitle="Certificate refused"
              success={submit.isSuccess ? "Saved; the gateways present it to new connections." : undefined}
            >
              {current.data?.configured && (
                <ConfirmButton
                  variant="ghost"
                  busy={clear.isPending}
                  confirm={{
                    title: "Remove the workspace's TLS certificate?",
                    body: "Gateways go back to the certificate files they were started with for new connections; clients may then see another certificate (or none).",
                    wayBack: "There is no way back to the removed key: it was never shown. Set the certificate and key again to restore them.",
                    confirmLabel: "Remove certificate",
                  }}
                  onConfirm={() => clear.mutate()}
                >
                  Remove (use the gateways&apos; files)
                </ConfirmButton>
              )}
            </FormFooter>
          </FieldErrorScope>
        </form>
      )}
    </Card>
  );
}
