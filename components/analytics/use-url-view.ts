"use client";
// The analytics view of the page's URL, and a setter that replaces the URL (no new history
// entry per filter click), so the address bar always holds a shareable link to what is shown.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { viewFromParams, viewToParams, type AnalyticsView } from "@/lib/client/analytics-view";

/** `extraKeys`: the page's own params (the request log's search), kept beside the view. */
export function useUrlView(extraKeys: readonly string[] = []) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = useMemo(() => viewFromParams(searchParams), [searchParams]);
  const extraKey = extraKeys.join(",");
  const extra = useMemo(
    () => Object.fromEntries(extraKey.split(",").filter(Boolean).map((k) => [k, searchParams.get(k)?.trim() || undefined])),
    [searchParams, extraKey],
  ) as Record<string, string | undefined>;
  const setView = useCallback(
    (next: AnalyticsView, nextExtra: Record<string, string | undefined> = extra) =>
      router.replace(`${pathname}?${viewToParams(next, nextExtra).toString()}`, { scroll: false }),
    [router, pathname, extra],
  );
  return { view, extra, setView };
}

/** The request log showing the requests behind a view, with a few more search fields. */
export function requestLogHref(view: AnalyticsView, search: Record<string, string | undefined> = {}): string {
  return `/console/analytics/requests?${viewToParams(view, search).toString()}`;
}
