"use client";
// Rate limit, quota, and how limits are counted and answered, at the scopes
// that set them: the workspace defaults and an API (a rate limit and quota of
// their own, and the counting), and a product (the counting only: its rate
// limit and quota are fields of the product's settings). On a product a choice
// left at "As the workspace" is not sent, so the workspace default applies.
import { useState } from "react";
import type { ScopePolicy } from "@portcullis/gateway/contract/scope-policy";
import { formChecked, formText } from "@/components/form-data";
import { Checkbox, Input, Select } from "@/components/ui/field";

export type LimitScope = "workspace" | "product" | "api";
type LimitFieldName = "rateLimit" | "quota" | "limitKey" | "onLimiterFailure" | "legacyRateLimitHeaders" | "quotaExceededStatus";
/** What the scope sets now; null or absent: nothing of its own. */
export type StoredLimits = { [K in LimitFieldName]?: ScopePolicy[K] | null };
type LimitKeyBy = NonNullable<ScopePolicy["limitKey"]>["by"];
const QUOTA_PERIODS = ["hour", "day", "week", "month"] as const;
const INHERIT = "";

/** An empty field means "none": the number otherwise (the route's schema refuses what is not a positive integer). */
const optionalNumber = (form: HTMLFormElement, name: string) => {
  const text = formText(form, name);
  return text === "" ? null : Number(text);
};

const LIMIT_CONTROLS = {
  rateLimit: "rateCalls",
  "rateLimit.periodSeconds": "ratePeriodSeconds",
  quota: "quotaCalls",
  "quota.bandwidthBytes": "quotaBytes",
  "quota.period": "quotaPeriod",
  limitKey: "limitKeyName",
  "limitKey.by": "limitKeyBy",
  onLimiterFailure: "onLimiterFailure",
  quotaExceededStatus: "quotaExceededStatus",
} as const;

/** Where the route's refusal of a limit is shown: its path under `prefix` (e.g. "gatewayPolicy.") → the control. */
export const limitFieldAliases = (prefix = ""): Record<string, string> =>
  Object.fromEntries(Object.entries(LIMIT_CONTROLS).map(([path, control]) => [`${prefix}${path}`, control]));

export function readRateAndQuota(form: HTMLFormElement): Pick<ScopePolicy, "rateLimit" | "quota"> {
  const rateCalls = optionalNumber(form, "rateCalls");
  const quotaCalls = optionalNumber(form, "quotaCalls");
  const quotaBytes = optionalNumber(form, "quotaBytes");
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
  };
}

export function RateAndQuotaFields({ limits, disabled, owner }: { limits: StoredLimits; disabled: boolean; owner: string }) {
  return (
    <>
      <fieldset className="fieldset" disabled={disabled}>
        <legend>Rate limit</legend>
        <div className="form-row">
          <Input label="Calls" name="rateCalls" type="number" min={1} defaultValue={limits.rateLimit?.calls ?? ""} hint={`Empty: no rate limit ${owner}`} />
          <Input label="Per seconds" name="ratePeriodSeconds" type="number" min={1} defaultValue={limits.rateLimit?.periodSeconds ?? 60} hint="Sliding window" />
        </div>
      </fieldset>
      <fieldset className="fieldset" disabled={disabled}>
        <legend>Quota</legend>
        <div className="form-row">
          <Input label="Quota calls" name="quotaCalls" type="number" min={1} defaultValue={limits.quota?.calls ?? ""} hint="Empty: calls are not limited" />
          <Input label="Quota bytes" name="quotaBytes" type="number" min={1} defaultValue={limits.quota?.bandwidthBytes ?? ""} hint="Response bytes; empty: not limited" />
          <Select label="Per" name="quotaPeriod" defaultValue={limits.quota?.period ?? "day"}>
            {QUOTA_PERIODS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </div>
        <Checkbox label="Rolling period (starts with the first call, instead of the UTC calendar)" name="quotaRolling" defaultChecked={limits.quota?.rolling ?? false} />
      </fieldset>
    </>
  );
}

/** The counting choices in the form; on a product, those left "As the workspace" are left out. */
export function readCounting(form: HTMLFormElement, scope: LimitScope): Pick<ScopePolicy, "limitKey" | "onLimiterFailure" | "legacyRateLimitHeaders" | "quotaExceededStatus"> {
  const by = formText(form, "limitKeyBy") as LimitKeyBy | typeof INHERIT;
  const keyName = formText(form, "limitKeyName");
  const failure = formText(form, "onLimiterFailure");
  const status = formText(form, "quotaExceededStatus");
  const legacy = scope === "product" ? formText(form, "legacyRateLimitHeaders") : formChecked(form, "legacyRateLimitHeaders") ? "on" : "off";
  const counting = {
    limitKey: by === INHERIT ? undefined : by === "claim" ? { by, claim: keyName } : by === "header" ? { by, header: keyName } : { by },
    onLimiterFailure: failure === INHERIT ? undefined : failure === "closed" ? ("closed" as const) : ("open" as const),
    // An API's quota answers with the status of its product or the workspace: PATCH /apis takes no quotaExceededStatus.
    quotaExceededStatus: scope === "api" || status === INHERIT ? undefined : status === "403" ? (403 as const) : (429 as const),
    legacyRateLimitHeaders: legacy === "on" ? true : legacy === "off" ? false : undefined,
  };
  return Object.fromEntries(Object.entries(counting).filter(([, value]) => value !== undefined));
}

export function CountingFields({ limits, scope, disabled }: { limits: StoredLimits; scope: LimitScope; disabled: boolean }) {
  const inherits = scope === "product";
  const [keyBy, setKeyBy] = useState<LimitKeyBy | typeof INHERIT>(limits.limitKey?.by ?? (inherits ? INHERIT : "subscription"));
  const keyName = limits.limitKey?.by === "claim" ? limits.limitKey.claim : limits.limitKey?.by === "header" ? limits.limitKey.header : "";
  // PATCH cannot remove a key, so "As the workspace" is offered only while the product sets none.
  const asWorkspace = (stored: unknown) => inherits && (stored === undefined || stored === null) && <option value={INHERIT}>As the workspace</option>;
  const shown = (stored: unknown, fallback: string) => (stored === undefined || stored === null ? (inherits ? INHERIT : fallback) : String(stored));
  const legacy = limits.legacyRateLimitHeaders;
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>Counting and failures</legend>
      <div className="form-row">
        <Select label="Count per" name="limitKeyBy" value={keyBy} onChange={(e) => setKeyBy(e.currentTarget.value as LimitKeyBy | typeof INHERIT)}>
          {asWorkspace(limits.limitKey)}
          <option value="subscription">Subscription (client IP without one)</option>
          <option value="ip">Client IP</option>
          <option value="claim">JWT claim</option>
          <option value="header">Request header</option>
        </Select>
        {(keyBy === "claim" || keyBy === "header") && (
          <Input label={keyBy === "claim" ? "Claim" : "Header"} name="limitKeyName" required defaultValue={keyName} placeholder={keyBy === "claim" ? "sub" : "X-Tenant"} />
        )}
        <Select label="If the limiter is unreachable" name="onLimiterFailure" defaultValue={shown(limits.onLimiterFailure, "open")}>
          {asWorkspace(limits.onLimiterFailure)}
          <option value="open">Fail open: each gateway counts alone</option>
          <option value="closed">Fail closed: 503 limiter_unavailable</option>
        </Select>
        {scope !== "api" && (
          <Select label="Quota exceeded answer" name="quotaExceededStatus" defaultValue={shown(limits.quotaExceededStatus, "429")}>
            {asWorkspace(limits.quotaExceededStatus)}
            <option value="429">429 Too Many Requests</option>
            <option value="403">403 Forbidden</option>
          </Select>
        )}
      </div>
      {inherits ? (
        <Select label="Legacy X-RateLimit-* headers" name="legacyRateLimitHeaders" defaultValue={legacy === undefined || legacy === null ? INHERIT : legacy ? "on" : "off"}>
          {asWorkspace(legacy)}
          <option value="on">Also send them</option>
          <option value="off">Do not send them</option>
        </Select>
      ) : (
        <Checkbox label="Also send legacy X-RateLimit-* headers" name="legacyRateLimitHeaders" defaultChecked={legacy ?? false} />
      )}
    </fieldset>
  );
}
