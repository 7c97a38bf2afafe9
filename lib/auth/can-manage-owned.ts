// The ownership rule as a pure function (no server imports), so the console hides
// exactly the controls the server would refuse: platform admins manage everything,
// API publishers only what they own (never what an admin created: ownerId null).
type Role = "platform_admin" | "api_publisher" | "viewer" | "developer";

export function canManageOwned(role: Role, userId: string | null, ownerId: string | null): boolean {
  if (role === "platform_admin") return true;
  return role === "api_publisher" && userId !== null && ownerId === userId;
}
