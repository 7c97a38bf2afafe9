// Whether someone has a second factor, and whether policy requires one: for console users the
// workspace setting `security.mfaRequiredRoles`, for realm users the realm's login policy.
import { db } from "@/lib/db";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import type { UserRoleName } from "@/lib/iam/roles";
import { ownerWhere, type MfaOwner } from "./mfa-owner";

export async function hasConfirmedFactor(owner: MfaOwner): Promise<boolean> {
  return (await db().mfaFactor.count({ where: { ...ownerWhere(owner), confirmedAt: { not: null } } })) > 0;
}

export async function consoleRoleRequiresMfa(role: UserRoleName): Promise<boolean> {
  const settings = await getWorkspaceSettings();
  return settings.security.mfaRequiredRoles.includes(role);
}

/** What the sign-in does after a right password: done, a factor to verify, or one to enrol first. */
export async function secondStepFor(owner: MfaOwner, required: boolean): Promise<"none" | "verify" | "enrol"> {
  if (await hasConfirmedFactor(owner)) return "verify";
  return required ? "enrol" : "none";
}
