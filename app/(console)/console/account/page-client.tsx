"use client";
// My account: second factors (authenticator apps, passkeys) and recovery codes.
import { startRegistration } from "@simplewebauthn/browser";
import { useState, type FormEvent } from "react";
import { formText } from "@/components/form-data";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import {
  useConfirmTotp,
  useDeleteFactor,
  useMfaStatus,
  useRegenerateRecoveryCodes,
  useRegisterPasskey,
  useStartTotp,
} from "@/lib/client/use-mfa";

function RecoveryCodesBox({ codes }: { codes: string[] }) {
  return (
    <div className="card-body" role="status">
      <p>
        <strong>Save these recovery codes now</strong>: each signs you in once if you lose your device, and they are not shown again.
      </p>
      <CopyButton value={codes.join("\n")} label="the recovery codes" />
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AccountClient({ email }: { email: string }) {
  const status = useMfaStatus();
  const startTotp = useStartTotp();
  const confirmTotp = useConfirmTotp();
  const registerPasskey = useRegisterPasskey();
  const deleteFactor = useDeleteFactor();
  const regenerate = useRegenerateRecoveryCodes();
  const [codes, setCodes] = useState<string[] | null>(null);
  const enrolment = startTotp.data && !confirmTotp.isSuccess ? startTotp.data : null;

  function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!enrolment) return;
    confirmTotp.mutate({ factorId: enrolment.factorId, code: formText(event.currentTarget, "code") }, { onSuccess: (r) => setCodes(r.recoveryCodes) });
  }

  const addPasskey = () =>
    registerPasskey.mutate(
      (options) => startRegistration({ optionsJSON: options as unknown as Parameters<typeof startRegistration>[0]["optionsJSON"] }),
      { onSuccess: (r) => setCodes(r.recoveryCodes) },
    );

  const factors = status.data?.factors ?? [];
  return (
    <>
      <PageHeader title="My account" description={`Signed in as ${email}.`} />
      <ErrorBanner error={status.error} />
      <Card
        title="Second factors"
        actions={
          <>
            <Button size="sm" onClick={() => startTotp.mutate()} busy={startTotp.isPending}>
              Add authenticator app
            </Button>
            <Button size="sm" variant="secondary" onClick={addPasskey} busy={registerPasskey.isPending}>
              Add passkey
            </Button>
          </>
        }
      >
        {status.data?.required && factors.length === 0 && (
          <p className="card-body">Your role requires a second factor at sign-in: add one now.</p>
        )}
        <ErrorBanner error={startTotp.error ?? confirmTotp.error ?? registerPasskey.error ?? deleteFactor.error} title="That did not work" />
        {enrolment && (
          <div className="card-body">
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made by the server */}
            <img src={enrolment.qrDataUrl} alt="QR code for your authenticator app" width={220} height={220} />
            <p className="field-hint">
              Scan it with your authenticator app, or enter this key: <code data-testid="totp-secret">{enrolment.secret}</code> <CopyButton value={enrolment.secret} label="the authenticator key" />
            </p>
            <form className="form" onSubmit={onConfirm}>
              <Input label="Code from the app" name="code" autoComplete="one-time-code" inputMode="numeric" required />
              <Button type="submit" busy={confirmTotp.isPending}>
                Confirm
              </Button>
            </form>
          </div>
        )}
        {codes && <RecoveryCodesBox codes={codes} />}
        <Table
          caption="Second factors"
          columns={["Factor", "Type", "Added", "Last used", ""]}
          loading={status.isPending && "Loading…"}
          empty={status.isSuccess && factors.length === 0 && "No second factor yet: a password alone signs you in."}
        >
          {factors.map((factor) => (
            <tr key={factor.id}>
              <td className="strong">{factor.label}</td>
              <td>
                <Badge tone="neutral">{factor.type === "totp" ? "authenticator app" : "passkey"}</Badge>
              </td>
              <td>{formatDateTime(factor.createdAt)}</td>
              <td>{formatDateTime(factor.lastUsedAt)}</td>
              <td>
                <ConfirmButton
                  size="sm"
                  variant="danger"
                  aria-label={`Remove ${factor.label}`}
                  busy={deleteFactor.isPending && deleteFactor.variables === factor.id}
                  confirm={{
                    title: `Remove ${factor.label}?`,
                    body:
                      factors.length === 1
                        ? "It is your last second factor: from your next sign-in the password alone lets you in (unless the workspace requires a second factor, then you enrol one again)."
                        : "It no longer signs you in; your other second factors still do.",
                    wayBack: "There is no way back: enrol the device again to use it.",
                    confirmLabel: "Remove factor",
                  }}
                  onConfirm={() => deleteFactor.mutate(factor.id)}
                >
                  Remove
                </ConfirmButton>
              </td>
            </tr>
          ))}
        </Table>
      </Card>
      {factors.length > 0 && (
        <Card
          title="Recovery codes"
          actions={
            <ConfirmButton
              size="sm"
              variant="secondary"
              busy={regenerate.isPending}
              confirm={{
                title: "Make new recovery codes?",
                body: "Your current recovery codes stop working at once, the unused ones included.",
                wayBack: "There is no way back to the old codes; the new ones are shown once.",
                confirmLabel: "Make new codes",
              }}
              onConfirm={() => regenerate.mutate(undefined, { onSuccess: (r) => setCodes(r.recoveryCodes) })}
            >
              New recovery codes
            </ConfirmButton>
          }
        >
          <ErrorBanner error={regenerate.error} />
          <p className="card-body">{status.data?.recoveryCodesRemaining ?? 0} unused. New codes replace the old ones.</p>
        </Card>
      )}
    </>
  );
}
