import type { NextConfig } from "next";
import { apiContentSecurityPolicy, staticSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Keep the dev-mode badge away from the sidebar's "Sign out" button (bottom-left).
  devIndicators: { position: "bottom-right" },
  // Plain string hrefs everywhere; typed routes would force `as Route` casts on computed links.
  typedRoutes: false,
  // The gateway's package exports its contract as TypeScript source (one file, zod only).
  transpilePackages: ["@portcullis/gateway"],
  // Server-only packages with native/optional deps or worker threads: load them from
  // node_modules at runtime instead of bundling them into the server build.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@prisma/client", "pino", "ioredis", "bullmq", "@redocly/openapi-core"],
  // Everything is served locally; there is no remote image host to allow.
  images: { unoptimized: true },
  // OpenID Connect discovery lives at a dot path, which the App Router does not route.
  async rewrites() {
    return [{ source: "/realms/:realm/.well-known/openid-configuration", destination: "/realms/:realm/well-known/openid-configuration" }];
  },
  // Pages also get a nonce CSP per request from proxy.ts; management API answers get a deny-all one here.
  async headers() {
    return [
      { source: "/:path*", headers: [...staticSecurityHeaders] },
      { source: "/api/v1/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;
