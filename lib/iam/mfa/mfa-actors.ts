// Who an MFA audit event names: the console user themselves, or a realm user (not a console
// identity, so recorded as the realm's sign-in acting for them).
import type { Actor } from "@/lib/iam/actor";
import { roleToApi } from "@/lib/iam/roles";

export const selfActor = (user: { id: string; email: string; role: string }): Actor => ({
  type: "user",
  id: user.id,
  label: user.email,
  role: roleToApi(user.role),
  userId: user.id,
});

export const realmUserActor = (realmName: string, user: { id: string; username: string }): Actor => ({
  type: "token",
  id: `realm:${realmName}:${user.id}`,
  label: `${user.username} (realm ${realmName} sign-in)`,
  role: "developer",
  userId: null,
});
