import type { DefaultSession } from "next-auth";
import type { UserRoleName } from "@/lib/iam/roles";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string; role: UserRoleName };
    /** The session JWT's iat, in seconds. */
    issuedAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: UserRoleName;
  }
}
