"use client";
// swagger-ui-react touches window at import time, so it is only ever loaded in the browser
// (see page-client.tsx); its stylesheet comes from the package, never a CDN.
import SwaggerUI from "swagger-ui-react";
import "swagger-ui-react/swagger-ui.css";

export default function SwaggerUiView({ url }: { url: string }) {
  // "Try it out" calls go to the same origin and ride on the session cookie.
  return <SwaggerUI url={url} docExpansion="list" defaultModelsExpandDepth={0} tryItOutEnabled={false} />;
}
