// next-auth: email + password against our users, JWT sessions carrying the role.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { authenticateCredentials } from "./login-throttle/authenticate-credentials";
import type { UserRoleName } from "./roles";
import { safeCallbackUrl } from "./safe-callback-url";

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // Explicit rather than inferred: Secure (and __Secure-/__Host- prefixed) cookies whenever the console is served over https.
  useSecureCookies: env().NEXTAUTH_URL.startsWith("https://"),
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // Throttled, lockout-aware and equally slow on every path: see lib/iam/login-throttle/.
      authorize: (raw) => authenticateCredentials(raw),
    }),
  ],
  callbacks: {
    // Every post-sign-in/sign-out redirect stays on the console (same rule as the login page).
    redirect({ url, baseUrl }) {
      return new URL(safeCallbackUrl(url, baseUrl), baseUrl).toString();
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = (user as unknown as { role: UserRoleName }).role;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.sub ?? "";
        session.user.role = token.role as UserRoleName;
      }
      // Pages check it against the user's last password reset (see find-session-user.ts).
      session.issuedAt = typeof token.iat === "number" ? token.iat : undefined;
      return session;
    },
  },
};
