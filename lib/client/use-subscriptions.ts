// Subscriptions: lists (all, by state, one user's), keys, and every change of state.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateSubscriptionRequest,
  CreatedSubscription,
  Subscription,
  SubscriptionDetail,
  SubscriptionKeys,
  SubscriptionUsage,
} from "@/lib/client/api-types";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys, type SubscriptionFilters } from "./query-keys";
import { usePagedList } from "./use-paged-list";

const subscriptionPath = (id: string) => `/api/v1/subscriptions/${segment(id)}`;

/** A page at a time; the server filters (state, product, API, owner, name); developers only ever receive their own. */
export function useSubscriptions(filters: SubscriptionFilters = {}) {
  return usePagedList<Subscription>(queryKeys.subscriptions.list(filters), "/api/v1/subscriptions", filters);
}

/** Fetched only when asked for (`enabled`), and kept: keys change only by regeneration. */
export function useSubscriptionKeys(subscriptionId: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: queryKeys.subscriptions.keys(subscriptionId),
    queryFn: () => apiFetch<SubscriptionKeys>(`${subscriptionPath(subscriptionId)}/secrets`),
    enabled,
    staleTime: Infinity,
  });
}

/** Current counters move with every call: refreshed while shown. */
export function useSubscriptionUsage(subscriptionId: string, { refetchIntervalMs = 5000 }: { refetchIntervalMs?: number } = {}) {
  return useQuery({
    queryKey: queryKeys.subscriptions.usage(subscriptionId),
    queryFn: () => apiFetch<SubscriptionUsage>(`${subscriptionPath(subscriptionId)}/usage`),
    refetchInterval: refetchIntervalMs,
  });
}

/** One subscription with the APIs it opens (developers: their own); `initialData` from a server page. */
export function useSubscription(subscriptionId: string, { initialData }: { initialData?: SubscriptionDetail } = {}) {
  return useQuery({
    queryKey: queryKeys.subscriptions.detail(subscriptionId),
    queryFn: () => apiFetch<SubscriptionDetail>(subscriptionPath(subscriptionId)),
    initialData,
  });
}

/** The answer carries the keys in clear, once. */
export function useCreateSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSubscriptionRequest) => apiFetch<CreatedSubscription>("/api/v1/subscriptions", jsonBody("POST", body)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions.all }),
  });
}

export type StateChange = { id: string; state: "active" | "suspended" | "cancelled" | "rejected"; comment?: string };

/** Approve, reject (with a reason), suspend, reactivate or cancel. */
export function useChangeSubscriptionState() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: StateChange) => apiFetch<Subscription>(subscriptionPath(id), jsonBody("PATCH", body)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions.all }),
  });
}

export function useRegenerateSubscriptionKey(subscriptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: "primary" | "secondary") =>
      apiFetch<SubscriptionKeys>(`${subscriptionPath(subscriptionId)}/regenerate-key`, jsonBody("POST", { key })),
    onSuccess: (fresh) => queryClient.setQueryData(queryKeys.subscriptions.keys(subscriptionId), fresh),
  });
}
