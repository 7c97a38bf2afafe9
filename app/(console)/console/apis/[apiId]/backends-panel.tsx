"use client";
// The API's backends: weighted URLs, active health check, passive ejection,
// retries, circuit breaker, timeouts and TLS towards the backends. Checked in the
// browser with the PATCH route's own schema, then saved with one PATCH. The
// client key is write-only: the form says whether one is stored, never shows it.
import { FieldErrorScope } from "@/components/ui/field-errors";
import { useState } from "react";
import type { Api } from "@/lib/client/api-types";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox, Input, Textarea } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { updateApiInputSchema } from "@/lib/apis/update-api-input";
import { useUpdateApi } from "@/lib/client/use-apis";
import { useCheckedSubmit } from "@/lib/client/use-request-check";
import { readBackendsForm } from "./backends-form-values";

type Row = { key: number; url: string; weight: number };

export function BackendsPanel({ api, canEdit }: { api: Api; canEdit: boolean }) {
  const settings = api.backendSettings;
  const [rows, setRows] = useState<Row[]>(() => api.backends.map((b, key) => ({ key, ...b })));
  const [health, setHealth] = useState(settings?.healthCheck != null);
  const [ejection, setEjection] = useState(settings?.passiveEjection != null);
  const [breaker, setBreaker] = useState(settings?.circuitBreaker != null);
  const submit = useCheckedSubmit(useUpdateApi(api.id), updateApiInputSchema, (form) => readBackendsForm(form));
  if (!settings) return null; // developers: backends are internal

  const nextKey = Math.max(0, ...rows.map((r) => r.key)) + 1;
  const hc = settings.healthCheck;
  const cb = settings.circuitBreaker;
  return (
    <Card title="Backends">
      {/* Every control is named by its path in the PATCH body (rows by errorFor), so refusals land under their field. */}
      <form className="form" onSubmit={submit.onSubmit} aria-label="Backend settings" noValidate>
        <FieldErrorScope error={submit.error}>
          <fieldset className="fieldset" disabled={!canEdit}>
            <legend className="field-label">Backends and weights</legend>
            {rows.map((row, i) => (
              <div className="form-row" key={row.key}>
                <Input label={`Backend ${i + 1} URL`} name="backendUrl" errorFor={`backends.${i}.url`} type="url" defaultValue={row.url} placeholder="https://orders.internal:8443/api" />
                <Input label={`Backend ${i + 1} weight`} name="backendWeight" errorFor={`backends.${i}.weight`} type="number" min={1} max={100} defaultValue={row.weight} />
                {rows.length > 1 && (
                  <Button type="button" variant="ghost" size="sm" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                    Remove backend {i + 1}
                  </Button>
                )}
              </div>
            ))}
            <Button type="button" variant="secondary" size="sm" onClick={() => setRows([...rows, { key: nextKey, url: "", weight: 1 }])}>
              Add backend
            </Button>
          </fieldset>

          <fieldset className="fieldset" disabled={!canEdit}>
            <legend className="field-label">Health</legend>
            <Checkbox label="Active health check" name="healthCheck.enabled" checked={health} onChange={(e) => setHealth(e.currentTarget.checked)} />
            {health && (
              <div className="form-row">
                <Input label="Health check path" name="healthCheck.path" defaultValue={hc?.path ?? "/healthz"} hint="GET below each backend URL" />
                <Input label="Interval (s)" name="healthCheck.intervalSeconds" type="number" min={1} defaultValue={hc?.intervalSeconds ?? 10} />
                <Input label="Check timeout (ms)" name="healthCheck.timeoutMs" type="number" min={100} defaultValue={hc?.timeoutMs ?? 2000} />
                <Input label="Healthy after" name="healthCheck.healthyThreshold" type="number" min={1} defaultValue={hc?.healthyThreshold ?? 2} hint="passing checks in a row" />
                <Input label="Unhealthy after" name="healthCheck.unhealthyThreshold" type="number" min={1} defaultValue={hc?.unhealthyThreshold ?? 3} hint="failing checks in a row" />
                <Input label="Healthy statuses" name="healthCheck.expectedStatuses" defaultValue={hc?.expectedStatuses?.join(", ") ?? ""} placeholder="200, 204" hint="Empty: 200-399" />
              </div>
            )}
            <Checkbox label="Eject after connection failures" name="passiveEjection.enabled" checked={ejection} onChange={(e) => setEjection(e.currentTarget.checked)} />
            {ejection && (
              <div className="form-row">
                <Input label="Failures in a row" name="passiveEjection.consecutiveFailures" type="number" min={1} defaultValue={settings.passiveEjection?.consecutiveFailures ?? 5} />
                <Input label="Ejected for (s)" name="passiveEjection.ejectSeconds" type="number" min={1} defaultValue={settings.passiveEjection?.ejectSeconds ?? 30} />
              </div>
            )}
            <Checkbox label="Circuit breaker (5xx and response timeouts)" name="circuitBreaker.enabled" checked={breaker} onChange={(e) => setBreaker(e.currentTarget.checked)} />
            {breaker && (
              <div className="form-row">
                <Input label="Opens after failures" name="circuitBreaker.failureThreshold" type="number" min={1} defaultValue={cb?.failureThreshold ?? 5} />
                <Input label="Open for (s)" name="circuitBreaker.openSeconds" type="number" min={1} defaultValue={cb?.openSeconds ?? 30} />
                <Input label="Half-open trials" name="circuitBreaker.halfOpenRequests" type="number" min={1} defaultValue={cb?.halfOpenRequests ?? 1} />
              </div>
            )}
          </fieldset>

          <fieldset className="fieldset" disabled={!canEdit}>
            <legend className="field-label">Retries and timeouts</legend>
            <div className="form-row">
              <Input label="Retries" name="retry.maxRetries" type="number" min={0} max={5} defaultValue={settings.retry.maxRetries} hint="GET, HEAD, OPTIONS, PUT, DELETE that fail to connect go to another backend" />
              <Input label="Connect timeout (ms)" name="timeouts.connectMs" type="number" min={50} defaultValue={settings.timeouts.connectMs ?? ""} hint="Empty: the gateway's default" />
              <Input label="Response timeout (ms)" name="timeouts.responseMs" type="number" min={50} defaultValue={settings.timeouts.responseMs ?? ""} hint="Empty: the gateway's default" />
            </div>
          </fieldset>

          <fieldset className="fieldset" disabled={!canEdit}>
            <legend className="field-label">TLS to https backends</legend>
            <Textarea label="Trusted CA certificates (PEM)" name="tls.caCertificates" rows={3} defaultValue={settings.tls.caCertificates ?? ""} hint="Empty: the system's CAs" />
            <Textarea label="Client certificate (PEM)" name="tls.clientCertificate" rows={3} defaultValue={settings.tls.clientCertificate ?? ""} hint="For backends that require mTLS" />
            <Textarea
              label="Client private key (PEM)"
              name="tls.clientKey"
              rows={3}
              defaultValue=""
              autoComplete="off"
              placeholder={settings.tls.clientKeySet ? "A key is stored; leave empty to keep it" : "-----BEGIN PRIVATE KEY-----"}
              hint="Stored encrypted and sealed for the gateways; never shown again"
            />
            {settings.tls.clientKeySet && <Checkbox label="Remove the client certificate and key" name="tls.removeClient" />}
          </fieldset>
          <FormFooter
            submitLabel="Save backends"
            variant="secondary"
            busy={submit.isPending}
            error={submit.error}
            errorTitle="Backend settings refused"
            hideActions={!canEdit}
          />
        </FieldErrorScope>
      </form>
    </Card>
  );
}
