"use client";
// For an API that needs a bearer token: the token try-it sends, pasted or obtained in one click
// from one of the developer's apps (client credentials in the portal's realm, run on the server).
// Held in the page only; the request interceptor adds it as Authorization to gateway calls.
import { Input } from "@/components/ui/field";
import { AppTokenButton } from "@/components/portal/app-token-button";

export function TryItToken({ token, onChange }: { token: string; onChange: (token: string) => void }) {
  return (
    <div className="stack" aria-label="Bearer token for try-it" role="group">
      <Input
        label="Bearer token"
        name="bearerToken"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={token}
        onChange={(e) => onChange(e.currentTarget.value.trim())}
        hint="This API checks a JWT. Paste one, or get one from your app: try-it sends it as Authorization: Bearer."
      />
      <AppTokenButton label="Get a token from my app" onToken={(t) => onChange(t.accessToken)} />
    </div>
  );
}
