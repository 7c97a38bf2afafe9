import type { UserRole } from "@/lib/client/api-types";

const roleLabels: Record<UserRole, string> = {
  platform_admin: "Platform admin",
  api_publisher: "API publisher",
  viewer: "Viewer",
  developer: "Developer",
};

export const roleLabel = (role: UserRole) => roleLabels[role] ?? role;
