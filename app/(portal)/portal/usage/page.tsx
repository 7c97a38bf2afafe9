import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSignedIn } from "@/lib/iam/session";
import { MyUsageClient } from "./page-client";

export const metadata: Metadata = { title: "My usage" };

export default async function MyUsagePage() {
  const user = await requireSignedIn("/portal/usage");
  // The view lives in the URL (useSearchParams), read on the client. Every query names the
  // user: the server forces it for developers, and console roles see only their own here too.
  return (
    <Suspense fallback={<p className="muted">Loading your usage…</p>}>
      <MyUsageClient userId={user.id} />
    </Suspense>
  );
}
