// The caller's apps in the developer portal (My apps): the list, registration (the secret is
// answered once), secret rotation, deletion, a token in one click, and binding an app to one
// of the caller's subscriptions. Types come from the route's schemas (type-only imports).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  AppResource,
  AppToken,
  BindAppInput,
  CreateAppInput,
  CreatedApp,
  RotatedAppSecret,
  SubscriptionAppBinding,
} from "@/lib/portal/apps/portal-app-schemas";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys } from "./query-keys";
import { usePagedList } from "./use-paged-list";

/** Its own key tree: one invalidation refreshes every page of the list. */
export const myAppsKeys = { all: ["me", "apps"] as const, list: () => ["me", "apps", "list"] as const };

export function useMyApps(options: { enabled?: boolean } = {}) {
  return usePagedList<AppResource>(myAppsKeys.list(), "/api/v1/me/apps", {}, options);
}

function useInvalidatingMutation<Vars, Answer>(mutationFn: (vars: Vars) => Promise<Answer>, alsoSubscriptions = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Also after a refusal (e.g. deleted in another tab): the list shows what is stored.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: myAppsKeys.all });
      if (alsoSubscriptions) void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions.all });
    },
  });
}

export function useCreateMyApp() {
  return useInvalidatingMutation((body: CreateAppInput) => apiFetch<CreatedApp>("/api/v1/me/apps", jsonBody("POST", body)));
}

export function useRotateMyAppSecret() {
  return useInvalidatingMutation((appId: string) => apiFetch<RotatedAppSecret>(`/api/v1/me/apps/${segment(appId)}/secret`, { method: "POST" }));
}

export function useDeleteMyApp() {
  return useInvalidatingMutation((appId: string) => apiFetch<void>(`/api/v1/me/apps/${segment(appId)}`, { method: "DELETE" }), true);
}

/** Changes nothing stored: no invalidation. */
export function useMyAppToken() {
  return useMutation({ mutationFn: (appId: string) => apiFetch<AppToken>(`/api/v1/me/apps/${segment(appId)}/token`, { method: "POST" }) });
}

export function useBindSubscriptionApp() {
  return useInvalidatingMutation(
    ({ subscriptionId, appId }: { subscriptionId: string } & Partial<BindAppInput>) =>
      appId
        ? apiFetch<SubscriptionAppBinding>(`/api/v1/subscriptions/${segment(subscriptionId)}/app`, jsonBody("PUT", { appId }))
        : apiFetch<SubscriptionAppBinding>(`/api/v1/subscriptions/${segment(subscriptionId)}/app`, { method: "DELETE" }),
    true,
  );
}
