"use client";
// swagger-ui-react touches window at import time, so it is only ever loaded in the browser
// (see page-client.tsx); its stylesheet comes from the package, never a CDN.
import { useEffect, useRef } from "react";
import SwaggerUI from "swagger-ui-react";
import "swagger-ui-react/swagger-ui.css";

/** Swagger UI renders its server picker without a label; screen readers need one (WCAG 4.1.2). */
function labelServerPicker(root: HTMLElement) {
  const select = root.querySelector<HTMLSelectElement>("select#servers:not([aria-label])");
  select?.setAttribute("aria-label", "Server");
}

export default function SwaggerUiView({ url }: { url: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = host.current;
    if (!root) return;
    // The picker appears once the document has loaded, and again whenever Swagger re-renders it.
    const observer = new MutationObserver(() => labelServerPicker(root));
    observer.observe(root, { childList: true, subtree: true });
    labelServerPicker(root);
    return () => observer.disconnect();
  }, []);
  // "Try it out" calls go to the same origin and ride on the session cookie.
  return (
    <div ref={host}>
      <SwaggerUI url={url} docExpansion="list" defaultModelsExpandDepth={0} tryItOutEnabled={false} />
    </div>
  );
}
