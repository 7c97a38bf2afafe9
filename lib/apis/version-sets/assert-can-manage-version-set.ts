// A version set has no owner of its own: whoever may manage every API in it
// may change it (an empty set: any catalogue manager). Platform admins always.
import type { Actor } from "@/lib/auth/actor";
import { assertCanManageApi } from "@/lib/auth/permissions";

export function assertCanManageVersionSet(actor: Actor, apis: readonly { ownerId: string | null }[]): void {
  for (const api of apis) assertCanManageApi(actor, api);
}
