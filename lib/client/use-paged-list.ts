// One hook for every paged list of the management API: asks the server for a page
// (`limit`, `cursor`) with the list's filters, and the next one when the page asks for
// more. The filters are part of the cache key, so each search has its own pages.
import { useInfiniteQuery, type QueryKey } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Page } from "@/lib/client/api-types";
import { apiFetch, withQuery } from "./api-client";

export const DEFAULT_PAGE_SIZE = 50;

export type ListFilters = Record<string, string | undefined>;

type Options = { enabled?: boolean; pageSize?: number };

export function usePagedList<T>(queryKey: QueryKey, path: string, filters: ListFilters, { enabled = true, pageSize = DEFAULT_PAGE_SIZE }: Options = {}) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => apiFetch<Page<T>>(withQuery(path, { ...filters, limit: String(pageSize), cursor: pageParam ?? undefined })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return Object.assign(query, { items });
}

export type PagedList<T> = ReturnType<typeof usePagedList<T>>;
