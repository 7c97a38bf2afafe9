"use client";
// The API's reference in swagger-ui, from the current revision, its servers on the gateway.
// Try-it requests to the gateway get the developer's key, their bearer token for a JWT-protected
// API (and a header or query version) added by the request interceptor; nothing is added to a
// request for any other address.
import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef } from "react";
import type { ApiReference } from "@/lib/client/api-types";

const SwaggerUiView = dynamic(() => import("@/components/portal/swagger-ui-view"), {
  ssr: false,
  loading: () => <p className="muted" role="status">Loading the API reference…</p>,
});

type SwaggerRequest = { url?: unknown; headers?: Record<string, string> } & Record<string, unknown>;

type Props = { reference: ApiReference; subscriptionKey?: string; bearerToken?: string };

export function ReferenceView({ reference, subscriptionKey, bearerToken }: Props) {
  // swagger-ui keeps the interceptor it was created with: it reads the key and token through refs.
  const keyRef = useRef(subscriptionKey);
  const tokenRef = useRef(bearerToken);
  useEffect(() => {
    keyRef.current = subscriptionKey;
    tokenRef.current = bearerToken;
  }, [subscriptionKey, bearerToken]);
  const { serverUrl, version, subscriptionKeyHeader, subscriptionRequired } = reference;

  const interceptor = useCallback(
    (request: SwaggerRequest) => {
      if (typeof request.url !== "string" || !(request.url === serverUrl || request.url.startsWith(`${serverUrl}/`) || request.url.startsWith(`${serverUrl}?`))) {
        return request;
      }
      const url = new URL(request.url);
      if (version?.in === "query" && !url.searchParams.has(version.name)) url.searchParams.set(version.name, version.value);
      const headers = { ...request.headers };
      if (version?.in === "header") headers[version.name] ??= version.value;
      if (subscriptionRequired && keyRef.current) headers[subscriptionKeyHeader] = keyRef.current;
      if (tokenRef.current) headers.Authorization = `Bearer ${tokenRef.current}`;
      return { ...request, url: url.toString(), headers };
    },
    [serverUrl, version, subscriptionKeyHeader, subscriptionRequired],
  );

  return (
    <div className="swagger-ui-host" data-testid="api-reference">
      <SwaggerUiView spec={reference.document} requestInterceptor={interceptor} />
    </div>
  );
}
