"use client";
// swagger-ui-react touches window at import time, so it is only ever loaded in the browser
// (callers load this file with next/dynamic, ssr: false); its stylesheet comes from the
// package, never a CDN.
import "./swagger-apidom-registrations";
import { useEffect, useRef, type ComponentProps } from "react";
import SwaggerUI from "swagger-ui-react";
import "swagger-ui-react/swagger-ui.css";

/** Swagger UI renders its server picker without a label; screen readers need one (WCAG 4.1.2). */
function labelServerPicker(root: HTMLElement) {
  const select = root.querySelector<HTMLSelectElement>("select#servers:not([aria-label])");
  select?.setAttribute("aria-label", "Server");
}

export type SwaggerUiViewProps = {
  url?: string;
  spec?: object;
  /** Try-it: lets the page add the key (and the version) to every request swagger-ui sends. */
  requestInterceptor?: ComponentProps<typeof SwaggerUI>["requestInterceptor"];
  tryItOutEnabled?: boolean;
};

export default function SwaggerUiView({ url, spec, requestInterceptor, tryItOutEnabled = false }: SwaggerUiViewProps) {
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
  return (
    <div ref={host}>
      <SwaggerUI
        url={url}
        spec={spec}
        docExpansion="list"
        defaultModelsExpandDepth={0}
        tryItOutEnabled={tryItOutEnabled}
        requestInterceptor={requestInterceptor}
      />
    </div>
  );
}
