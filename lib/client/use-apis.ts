// APIs: the paged list, one API, its lint report, and the changes made to them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Api, ImportApiRequest, LintReport, UpdateApiRequest, ValidateApiResult } from "@/lib/client/api-types";
import { apiFetch, jsonBody, segment } from "./api-client";
import { postWithProgress, type ImportProgress } from "./post-with-progress";
import { queryKeys, type ApiFilters } from "./query-keys";
import { usePagedList } from "./use-paged-list";

/** A page of APIs at a time, filtered and searched on the server. */
export function useApis(filters: ApiFilters = {}, options: { enabled?: boolean } = {}) {
  return usePagedList<Api>(queryKeys.apis.list(filters), "/api/v1/apis", filters, options);
}

export function useApi(apiId: string) {
  return useQuery({ queryKey: queryKeys.apis.detail(apiId), queryFn: () => apiFetch<Api>(`/api/v1/apis/${segment(apiId)}`) });
}

/** The lint report of `revision`, or of the current revision when none is given. */
export function useApiLint(apiId: string, revision?: number) {
  return useQuery({
    queryKey: queryKeys.apis.lint(apiId, revision),
    queryFn: () => apiFetch<LintReport>(`/api/v1/apis/${segment(apiId)}/lint${revision ? `?revision=${revision}` : ""}`),
  });
}

/** PATCH: lifecycle, security settings, version set membership. */
export function useUpdateApi(apiId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateApiRequest) => apiFetch<Api>(`/api/v1/apis/${segment(apiId)}`, jsonBody("PATCH", body)),
    onSuccess: (updated) => {
      // The PATCH answer has no operations: keep the ones the page already shows.
      queryClient.setQueryData(queryKeys.apis.detail(apiId), (old: Api | undefined) => ({ ...old, ...updated }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.apis.list() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.versionSets.all });
    },
  });
}

type OnProgress = (progress: ImportProgress | null) => void;
export type SpecFields = Pick<ImportApiRequest, "spec" | "specUrl">;

/** Dry run of an import: the document's title, operations and lint report. */
export function useValidateApi(onProgress: OnProgress) {
  return useMutation({
    mutationFn: (body: SpecFields) => postWithProgress<ValidateApiResult>("/api/v1/apis/validate", body, onProgress),
    onSettled: () => onProgress(null),
  });
}

export function useImportApi(onProgress: OnProgress) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportApiRequest) => postWithProgress<Api>("/api/v1/apis", body, onProgress),
    onSettled: () => onProgress(null),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.apis.list() }),
  });
}
