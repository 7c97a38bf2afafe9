// Test users of each role calling route handlers with a real next-auth session cookie,
// exactly as the console and portal do (so developers are tested through their sessions,
// not through API tokens).
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";

type Role = "PLATFORM_ADMIN" | "API_PUBLISHER" | "VIEWER" | "DEVELOPER";
type CallOptions = NonNullable<Parameters<typeof callRoute>[1]>;

export type SignedInUser = { id: string; email: string; call: (handler: unknown, options?: CallOptions) => ReturnType<typeof callRoute> };

export async function signedInUser(role: Role): Promise<SignedInUser> {
  const tag = uniquePath(role.toLowerCase());
  const user = await db().user.create({ data: { email: `${tag}@test.local`, name: tag, role, passwordHash: "-" } });
  const jwt = await encode({ token: { sub: user.id, email: user.email, name: user.name }, secret: env().NEXTAUTH_SECRET });
  const cookie = `next-auth.session-token=${jwt}`;

  const call = (handler: unknown, options: CallOptions = {}) => callRoute(handler, { ...options, token: null, cookie });
  return { id: user.id, email: user.email, call };
}
