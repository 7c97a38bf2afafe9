import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { requireConsoleUser } from "@/lib/iam/session";
import { ImportApiForm } from "./import-api-form";

export const metadata: Metadata = { title: "Add API · APIs" };

// The import on a page of its own: the list stays a list, and the user lands on the new API after.
export default async function NewApiPage() {
  const user = await requireConsoleUser("/console/apis/new");
  // Viewers and developers cannot import: the list is where they belong.
  if (!hasPermission(user.role, "apis.write")) redirect("/console/apis");
  return (
    <>
      <Link href="/console/apis" className="back-link">
        ← All APIs
      </Link>
      <PageHeader title="Add API" description="Import an OpenAPI 3.x or Swagger 2.0 document; name, path and backend are proposed from it." />
      <ImportApiForm />
    </>
  );
}
