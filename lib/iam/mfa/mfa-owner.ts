// Whose factors: a console user or a realm user. Factors and recovery codes carry exactly one of
// the two ids (a CHECK constraint in the migration), so every query filters through ownerWhere.
export type MfaOwner = { kind: "user"; userId: string } | { kind: "realm-user"; realmUserId: string };

export const consoleOwner = (userId: string): MfaOwner => ({ kind: "user", userId });
export const realmOwner = (realmUserId: string): MfaOwner => ({ kind: "realm-user", realmUserId });

export function ownerWhere(owner: MfaOwner): { userId: string } | { realmUserId: string } {
  return owner.kind === "user" ? { userId: owner.userId } : { realmUserId: owner.realmUserId };
}

/** The id challenges and pending tokens are bound to. */
export const ownerKey = (owner: MfaOwner) => (owner.kind === "user" ? `user:${owner.userId}` : `realm-user:${owner.realmUserId}`);
