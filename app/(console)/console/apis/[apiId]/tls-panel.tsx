"use client";
// TLS at the gateway for this API: redirect plain HTTP to HTTPS, HSTS on HTTPS
// answers, and mutual TLS against a CA bundle. Checked in the browser with the
// PATCH route's own schema, then saved with one PATCH (the server also reads
// every certificate: 422 invalid_certificate says which). Viewers see it disabled.
import { useState } from "react";
import type { Api, UpdateApiRequest } from "@/lib/client/api-types";
import { formChecked, formText } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { updateApiInputSchema } from "@/lib/apis/update-api-input";
import { useUpdateApi } from "@/lib/client/use-apis";
import { useCheckedSubmit } from "@/lib/client/use-request-check";

/** Either trust source may be left empty: a CA bundle, a realm's CA (trustRealmCa), or both. */
function mtlsRequest(form: HTMLFormElement) {
  const caCertificates = formText(form, "mtls.caCertificates");
  const trustRealmCa = formText(form, "mtls.trustRealmCa");
  return { required: formText(form, "mtls.mode") === "required", ...(caCertificates ? { caCertificates } : {}), ...(trustRealmCa ? { trustRealmCa } : {}) };
}

function toRequest(form: HTMLFormElement): UpdateApiRequest {
  return {
    httpsRedirect: formChecked(form, "httpsRedirect"),
    hsts: formChecked(form, "hsts.enabled")
      ? { maxAgeSeconds: Number(formText(form, "hsts.maxAgeSeconds")), includeSubDomains: formChecked(form, "hsts.includeSubDomains") }
      : null,
    mtls: formChecked(form, "mtls.enabled") ? mtlsRequest(form) : null,
  };
}

export function TlsPanel({ api, canEdit }: { api: Api; canEdit: boolean }) {
  const [hsts, setHsts] = useState(api.hsts !== null);
  const [mtls, setMtls] = useState(api.mtls !== null);
  const submit = useCheckedSubmit(useUpdateApi(api.id), updateApiInputSchema, (form) => toRequest(form));

  return (
    <Card title="TLS">
      <form className="form" onSubmit={submit.onSubmit} aria-label="TLS settings" noValidate>
        <FieldErrorScope error={submit.error}>
          <fieldset className="fieldset" disabled={!canEdit}>
            <legend className="field-label">HTTPS</legend>
            <Checkbox label="Redirect plain HTTP to HTTPS (308)" name="httpsRedirect" defaultChecked={api.httpsRedirect} />
            <Checkbox label="Strict-Transport-Security (HSTS)" name="hsts.enabled" checked={hsts} onChange={(e) => setHsts(e.currentTarget.checked)} />
            {hsts && (
              <div className="form-row">
                <Input label="HSTS max-age (s)" name="hsts.maxAgeSeconds" type="number" min={0} defaultValue={api.hsts?.maxAgeSeconds ?? 31_536_000} hint="Sent on HTTPS answers only; 0 tells browsers to forget it" />
                <Checkbox label="includeSubDomains" name="hsts.includeSubDomains" defaultChecked={api.hsts?.includeSubDomains ?? false} />
              </div>
            )}
          </fieldset>
          <fieldset className="fieldset" disabled={!canEdit}>
            <legend className="field-label">Mutual TLS</legend>
            <Checkbox label="Client certificates (mTLS)" name="mtls.enabled" checked={mtls} onChange={(e) => setMtls(e.currentTarget.checked)} />
            {mtls && (
              <>
                <Select label="Client certificate" name="mtls.mode" defaultValue={api.mtls?.required === false ? "optional" : "required"} hint="Required: 401 client_certificate_required without one (plain HTTP included)">
                  <option value="required">required</option>
                  <option value="optional">checked when presented</option>
                </Select>
                <Textarea
                  label="Trusted CA certificates (PEM)"
                  name="mtls.caCertificates"
                  rows={4}
                  defaultValue={api.mtls?.caCertificates ?? ""}
                  placeholder="-----BEGIN CERTIFICATE-----"
                  hint="Client certificates must chain to one of these; the subject and SANs become the caller's identity"
                />
                <Input
                  label="Trust a realm's CA"
                  name="mtls.trustRealmCa"
                  defaultValue={api.mtls?.trustRealmCa ?? ""}
                  hint="Realm name: certificates its CA issued (not revoked) are accepted and mapped to the realm client"
                />
              </>
            )}
          </fieldset>
          <FormFooter
            submitLabel="Save TLS"
            variant="secondary"
            busy={submit.isPending}
            error={submit.error}
            errorTitle="TLS settings refused"
            hideActions={!canEdit}
          />
        </FieldErrorScope>
      </form>
    </Card>
  );
}
