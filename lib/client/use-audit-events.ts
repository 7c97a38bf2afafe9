// The audit log, newest first, a page at a time (cursor pagination).
import type { AuditEvent } from "@/lib/client/api-types";
import { queryKeys, type AuditFilters } from "./query-keys";
import { usePagedList } from "./use-paged-list";

export function useAuditEvents(filters: AuditFilters) {
  return usePagedList<AuditEvent>(queryKeys.auditEvents.list(filters), "/api/v1/audit-events", filters);
}
