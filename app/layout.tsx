import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { parseThemePreference, themeCookieName } from "@/lib/iam/users/theme-preference-schemas";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Portcullis", template: "%s · Portcullis" },
  description: "Portcullis API management: console and developer portal",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The scheme is in the server-rendered HTML, so the first paint is already right: no flash, and no
  // inline script to carry the CSP nonce. "system" sets nothing and the CSS follows prefers-color-scheme.
  const theme = parseThemePreference((await cookies()).get(themeCookieName)?.value);
  return (
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
