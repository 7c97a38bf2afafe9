"use client";
// The API's security settings: subscription key required, encoded slashes and
// WebSocket upgrades allowed, and bearer-token (JWT) validation at the gateway. Saved with one PATCH; the server validates
// (400 with the failing fields). Viewers see the same form, disabled.
import { useState, type FormEvent } from "react";
// The zod-only module, not the whole contract (parts of which need node:crypto).
import { JWT_ALGORITHMS, type JwtAlgorithm } from "@portcullis/gateway/contract/jwt-algorithms";
import type { Api, UpdateApiRequest } from "@/lib/client/api-types";
import { formChecked, formText } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { Checkbox, Input } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { useUpdateApi } from "@/lib/client/use-apis";

/** Audiences and roles may hold spaces in theory, never commas or line breaks. */
const splitList = (text: string) => text.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
/** Scopes never hold spaces (RFC 6749), so spaces separate them too. */
const splitScopes = (text: string) => text.split(/[\s,]+/).filter(Boolean);

function toRequest(form: HTMLFormElement, api: Api): UpdateApiRequest {
  const gatewayChecks = {
    subscriptionRequired: formChecked(form, "subscriptionRequired"),
    allowEncodedSlashes: formChecked(form, "allowEncodedSlashes"),
    allowWebSockets: formChecked(form, "allowWebSockets"),
  };
  if (!formChecked(form, "jwtEnabled")) return { ...gatewayChecks, jwtRequirements: null };
  const realm = formText(form, "realm").trim();
  // A realm binding: the console fills in the realm's issuer and JWKS URI for the gateways.
  if (realm) {
    const audiences = splitList(formText(form, "audiences"));
    return {
      ...gatewayChecks,
      jwtRequirements: {
        realm,
        ...(audiences.length ? { audiences } : {}),
        requiredScopes: splitScopes(formText(form, "requiredScopes")),
        requiredRoles: splitList(formText(form, "requiredRoles")),
      },
    };
  }
  return {
    ...gatewayChecks,
    jwtRequirements: {
      // Settings this panel does not show (roles claim, clock tolerance, header) are kept as they are.
      ...(api.jwtRequirements ?? {}),
      issuer: formText(form, "issuer"),
      audiences: splitList(formText(form, "audiences")),
      jwksUri: formText(form, "jwksUri"),
      requiredScopes: splitScopes(formText(form, "requiredScopes")),
      requiredRoles: splitList(formText(form, "requiredRoles")),
      // Checked by the server: 'none' and HS* come back as a field error naming the algorithm.
      algorithms: splitScopes(formText(form, "algorithms")) as JwtAlgorithm[],
    },
  };
}

export function SecurityPanel({ api, canEdit }: { api: Api; canEdit: boolean }) {
  const jwt = api.jwtRequirements ?? null;
  const explicit = jwt && "issuer" in jwt ? jwt : null;
  const [jwtEnabled, setJwtEnabled] = useState(jwt !== null);
  const update = useUpdateApi(api.id);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    update.mutate(toRequest(e.currentTarget, api));
  }

  return (
    <Card title="Security">
      <form className="form" onSubmit={onSubmit} aria-label="Security settings">
        {/* A disabled fieldset makes every control read-only for viewers in one place. */}
        <fieldset className="fieldset" disabled={!canEdit}>
          <legend>Gateway checks</legend>
          <Checkbox label="Subscription required" name="subscriptionRequired" defaultChecked={api.subscriptionRequired} />
          {/* Off by default: a backend that decodes %2F would see another path than the gateway matched. */}
          <Checkbox label="Allow encoded slashes (%2F, %5C) in path parameters" name="allowEncodedSlashes" defaultChecked={api.allowEncodedSlashes} />
          <Checkbox label="Allow WebSocket upgrades" name="allowWebSockets" defaultChecked={api.allowWebSockets} />
          <Checkbox
            label="JWT validation"
            name="jwtEnabled"
            checked={jwtEnabled}
            onChange={(e) => setJwtEnabled(e.currentTarget.checked)}
          />
          {jwtEnabled && (
            <>
              <Input label="Realm" name="realm" defaultValue={jwt && "realm" in jwt ? jwt.realm : ""} placeholder="acme" hint="A Portcullis realm: its issuer and keys are filled in for you (leave issuer and JWKS URL empty)" />
              <Input label="Issuer" name="issuer" type="url" defaultValue={explicit?.issuer ?? ""} placeholder="https://sso.example.com/realms/acme" hint="Compared exactly with the token's iss claim" />
              <Input label="Audiences" name="audiences" defaultValue={jwt?.audiences?.join(", ") ?? ""} placeholder="orders-api" hint="Comma-separated; the token's aud must include one" />
              <Input label="JWKS URL" name="jwksUri" type="url" defaultValue={explicit?.jwksUri ?? ""} placeholder="https://sso.example.com/realms/acme/protocol/openid-connect/certs" hint="The issuer's public signing keys" />
              <Input label="Required scopes" name="requiredScopes" defaultValue={jwt?.requiredScopes.join(" ") ?? ""} placeholder="orders:read" hint="All of them, from the token's scope or scp claim" />
              <Input
                label="Required roles"
                name="requiredRoles"
                defaultValue={jwt?.requiredRoles.join(", ") ?? ""}
                placeholder="clerk, manager"
                hint={`Comma-separated; any one suffices, read from ${jwt?.rolesClaim ?? "realm_access.roles"} or roles`}
              />
              <Input
                label="Accepted algorithms"
                name="algorithms"
                required
                defaultValue={(jwt?.algorithms ?? JWT_ALGORITHMS).join(", ")}
                hint="Checked before any key is fetched; asymmetric only (RS, PS, ES, EdDSA): keys come from a JWKS, so none and HS* are refused"
              />
            </>
          )}
        </fieldset>
        <FormFooter
          submitLabel="Save security"
          variant="secondary"
          busy={update.isPending}
          error={update.error}
          errorTitle="Security settings refused"
          hideActions={!canEdit}
        />
      </form>
    </Card>
  );
}
