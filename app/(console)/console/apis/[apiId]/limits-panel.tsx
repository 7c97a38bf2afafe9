"use client";
// The API's own rate limit and quota (on top of its products'), who shares a
// counter, what happens while the gateways cannot reach the limiter's Redis,
// and whether legacy X-RateLimit-* headers are sent. One PATCH; the server
// validates (400 with the failing fields). Viewers see the same form, disabled.
import { useState, type FormEvent } from "react";
import type { Api, UpdateApiRequest } from "@/lib/client/api-types";
import { formChecked, formText } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { Checkbox, Input, Select } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { useUpdateApi } from "@/lib/client/use-apis";

type LimitKeyBy = "subscription" | "ip" | "claim" | "header";
const QUOTA_PERIODS = ["hour", "day", "week", "month"] as const;

/** An empty field means "none": the number otherwise (the server refuses what is not a positive integer). */
const optionalNumber = (form: HTMLFormElement, name: string) => {
  const text = formText(form, name);
  return text === "" ? null : Number(text);
};

function toRequest(form: HTMLFormElement): UpdateApiRequest {
  const rateCalls = optionalNumber(form, "rateCalls");
  const quotaCalls = optionalNumber(form, "quotaCalls");
  const quotaBytes = optionalNumber(form, "quotaBytes");
  const by = formText(form, "limitKeyBy") as LimitKeyBy;
  const keyName = formText(form, "limitKeyName");
  return {
    rateLimit: rateCalls === null ? null : { calls: rateCalls, periodSeconds: Number(formText(form, "ratePeriodSeconds")) },
    quota:
      quotaCalls === null && quotaBytes === null
        ? null
        : {
            calls: quotaCalls,
            bandwidthBytes: quotaBytes,
            period: formText(form, "quotaPeriod") as (typeof QUOTA_PERIODS)[number],
            rolling: formChecked(form, "quotaRolling"),
          },
    limitKey: by === "claim" ? { by, claim: keyName } : by === "header" ? { by, header: keyName } : { by },
    onLimiterFailure: formText(form, "onLimiterFailure") === "closed" ? "closed" : "open",
    legacyRateLimitHeaders: formChecked(form, "legacyRateLimitHeaders"),
  };
}

export function LimitsPanel({ api, canEdit }: { api: Api; canEdit: boolean }) {
  const update = useUpdateApi(api.id);
  const [keyBy, setKeyBy] = useState<LimitKeyBy>(api.limitKey?.by ?? "subscription");
  const keyName = api.limitKey?.by === "claim" ? api.limitKey.claim : api.limitKey?.by === "header" ? api.limitKey.header : "";

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    update.mutate(toRequest(e.currentTarget));
  }

  return (
    <Card title="Rate limit and quota">
      <p className="muted">
        Enforced by the gateways on top of each product&apos;s limits: a call must pass both. Answers carry <code>RateLimit-Policy</code> and{" "}
        <code>RateLimit</code>; a refused call gets 429 with <code>Retry-After</code> and consumes nothing.
      </p>
      <form className="form" onSubmit={onSubmit} aria-label="Rate limit and quota">
        <fieldset className="fieldset" disabled={!canEdit}>
          <legend>Rate limit</legend>
          <div className="form-row">
            <Input label="Calls" name="rateCalls" type="number" min={1} defaultValue={api.rateLimit?.calls ?? ""} hint="Empty: no rate limit of the API's own" />
            <Input label="Per seconds" name="ratePeriodSeconds" type="number" min={1} defaultValue={api.rateLimit?.periodSeconds ?? 60} hint="Sliding window" />
          </div>
        </fieldset>
        <fieldset className="fieldset" disabled={!canEdit}>
          <legend>Quota</legend>
          <div className="form-row">
            <Input label="Quota calls" name="quotaCalls" type="number" min={1} defaultValue={api.quota?.calls ?? ""} hint="Empty: calls are not limited" />
            <Input label="Quota bytes" name="quotaBytes" type="number" min={1} defaultValue={api.quota?.bandwidthBytes ?? ""} hint="Response bytes; empty: not limited" />
            <Select label="Per" name="quotaPeriod" defaultValue={api.quota?.period ?? "day"}>
              {QUOTA_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </Select>
          </div>
          <Checkbox label="Rolling period (starts with the first call, instead of the UTC calendar)" name="quotaRolling" defaultChecked={api.quota?.rolling ?? false} />
        </fieldset>
        <fieldset className="fieldset" disabled={!canEdit}>
          <legend>Counting and failures</legend>
          <div className="form-row">
            <Select label="Count per" name="limitKeyBy" value={keyBy} onChange={(e) => setKeyBy(e.currentTarget.value as LimitKeyBy)}>
              <option value="subscription">Subscription (client IP without one)</option>
              <option value="ip">Client IP</option>
              <option value="claim">JWT claim</option>
              <option value="header">Request header</option>
            </Select>
            {(keyBy === "claim" || keyBy === "header") && (
              <Input label={keyBy === "claim" ? "Claim" : "Header"} name="limitKeyName" required defaultValue={keyName} placeholder={keyBy === "claim" ? "sub" : "X-Tenant"} />
            )}
            <Select label="If the limiter is unreachable" name="onLimiterFailure" defaultValue={api.onLimiterFailure}>
              <option value="open">Fail open: each gateway counts alone</option>
              <option value="closed">Fail closed: 503 limiter_unavailable</option>
            </Select>
          </div>
          <Checkbox label="Also send legacy X-RateLimit-* headers" name="legacyRateLimitHeaders" defaultChecked={api.legacyRateLimitHeaders} />
        </fieldset>
        <FormFooter
          submitLabel="Save limits"
          variant="secondary"
          busy={update.isPending}
          error={update.error}
          errorTitle="Limits refused"
          success={update.isSuccess ? "Limits saved; the gateways enforce them within seconds." : undefined}
          hideActions={!canEdit}
        />
      </form>
    </Card>
  );
}
