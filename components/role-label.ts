import type { UserRole } from "@/components/api-types";

const roleLabels: Record<UserRole, string> = {
  platform_admin: "Platform admin",
  api_publisher: "API publisher",
  viewer: "Viewer",
  developer: "Developer",
};

export const roleLabel = (role: UserRole) => roleLabels[role] ?? role;

/** Viewers are read-only; the server enforces this too, the UI just hides what would fail. */
export const canMutate = (role: UserRole) => role === "platform_admin" || role === "api_publisher";
