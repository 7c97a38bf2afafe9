// An API's revisions: the list, a diff against the current one, re-import and the switch.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiRevision, CreatedRevision, RevisionDiff } from "@/lib/client/api-types";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys } from "./query-keys";
import { usePagedList } from "./use-paged-list";

const revisionsPath = (apiId: string) => `/api/v1/apis/${segment(apiId)}/revisions`;

/** A page of revisions at a time, newest first. */
export function useRevisions(apiId: string) {
  return usePagedList<ApiRevision>(queryKeys.apis.revisions(apiId), revisionsPath(apiId), {});
}

/** What changes for clients if revision `number` replaced the current one. */
export function useRevisionDiff(apiId: string, number: number) {
  return useQuery({
    queryKey: queryKeys.apis.revisionDiff(apiId, number),
    queryFn: () => apiFetch<RevisionDiff>(`${revisionsPath(apiId)}/${number}/diff?against=current`),
  });
}

/** A re-import: the new revision is not current, so only the revisions list changes. */
export function useCreateRevision(apiId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { spec: string; notes?: string }) => apiFetch<CreatedRevision>(revisionsPath(apiId), jsonBody("POST", body)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.apis.revisions(apiId) }),
  });
}

export function useMakeRevisionCurrent(apiId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (number: number) => apiFetch<ApiRevision>(`${revisionsPath(apiId)}/${number}/make-current`, { method: "POST" }),
    onSuccess: () => {
      // The API (current revision, operations, lint), its revisions and their diffs all changed.
      void queryClient.invalidateQueries({ queryKey: queryKeys.apis.detail(apiId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.apis.list() });
    },
  });
}
