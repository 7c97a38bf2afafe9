import { PageHeader } from "@/components/ui/page-header";

/** What a console page shows to a role the management API would refuse anyway. */
export function AccessDenied({ title, who }: { title: string; who: string }) {
  return (
    <>
      <PageHeader title={title} />
      <p className="hint-box" role="note">
        Only {who} can see this page.
      </p>
    </>
  );
}
