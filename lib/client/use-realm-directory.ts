// A realm's roles and groups in the console, paged on the server by name and searched by part
// of it, as the users and clients cards do. Cached under the realm's detail key (query-keys.ts),
// so adding a role or group refreshes every card of the realm page.
import type { GroupResource, RoleResource } from "@/lib/iam/realms/realm-directory-schemas";
import { segment } from "./api-client";
import { queryKeys } from "./query-keys";
import { usePagedList } from "./use-paged-list";

const base = (realm: string) => `/api/v1/realms/${segment(realm)}`;

export function useRealmRolePage(realm: string, search: string | undefined) {
  return usePagedList<RoleResource>([...queryKeys.realms.part(realm, "roles"), "paged", search ?? ""], `${base(realm)}/roles`, { search });
}

export function useRealmGroupPage(realm: string, search: string | undefined) {
  return usePagedList<GroupResource>([...queryKeys.realms.part(realm, "groups"), "paged", search ?? ""], `${base(realm)}/groups`, { search });
}
