// Test users of each role calling route handlers with a real next-auth session cookie,
// exactly as the console and portal do (so developers are tested through their sessions,
// not through API tokens).
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";

type Role = "PLATFORM_ADMIN" | "API_PUBLISHER" | "VIEWER" | "DEVELOPER";
type CallOptions = NonNullable<Parameters<typeof callRoute>[1]>;
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type SignedInUser = { id: string; email: string; call: (handler: unknown, options?: CallOptions) => ReturnType<typeof callRoute> };

export async function signedInUser(role: Role): Promise<SignedInUser> {
  const tag = uniquePath(role.toLowerCase());
  const user = await db().user.create({ data: { email: `${tag}@test.local`, name: tag, role, passwordHash: "-" } });
  const jwt = await encode({ token: { sub: user.id, email: user.email, name: user.name }, secret: env().NEXTAUTH_SECRET });
  const cookie = `next-auth.session-token=${jwt}`;

  async function call(handler: unknown, options: CallOptions = {}) {
    const headers = new Headers({ "content-type": "application/json", cookie });
    const request = new NextRequest(`http://localhost/api/v1${options.path ?? "/"}`, {
      method: options.method ?? "GET",
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const response = await (handler as Handler)(request, { params: Promise.resolve(options.params ?? {}) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
  return { id: user.id, email: user.email, call };
}
