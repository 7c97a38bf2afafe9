"use client";
// "Load more" under a paged list: shown while the server has a next page.
import { Button } from "./button";

type Pager = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };

export function LoadMore({ list }: { list: Pager }) {
  if (!list.hasNextPage) return null;
  return (
    <div className="form-actions">
      <Button variant="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
        Load more
      </Button>
    </div>
  );
}
