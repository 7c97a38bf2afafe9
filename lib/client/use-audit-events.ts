// The audit log, newest first, a page at a time (cursor pagination).
import { useInfiniteQuery } from "@tanstack/react-query";
import type { AuditEventPage } from "@/lib/client/api-types";
import { apiFetch, withQuery } from "./api-client";
import { queryKeys, type AuditFilters } from "./query-keys";

const PAGE_SIZE = "50";

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.auditEvents.list(filters),
    queryFn: ({ pageParam }) =>
      apiFetch<AuditEventPage>(withQuery("/api/v1/audit-events", { ...filters, limit: PAGE_SIZE, cursor: pageParam ?? undefined })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
