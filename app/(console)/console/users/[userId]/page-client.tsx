"use client";
// One console user: who they are, their role and sign-in status, what an admin may do to them,
// and every subscription they hold (with its usage), each linking to its page.
import { roleLabel } from "@/components/role-label";
import { formatDateTime } from "@/components/format";
import { SubscriptionsCard } from "@/components/console/subscriptions-card";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { useUser } from "@/lib/client/use-users";
import { UserActions } from "../user-actions";
import { UserRoleSelect } from "../user-role-select";
import { UserStatus } from "../user-status";

type Props = { userId: string; currentUserId: string; canEdit: boolean };

export function UserDetailClient({ userId, currentUserId, canEdit }: Props) {
  const user = useUser(userId);
  const back = (current?: string) => <Breadcrumbs trail={[{ label: "Users", href: "/console/users" }]} current={current} />;
  if (user.isPending) return <>{back()}<p className="muted">Loading user…</p></>;
  if (user.isError) return <>{back()}<PageHeader title="User" /><ErrorBanner error={user.error} /></>;

  const data = user.data;
  return (
    <>
      {back(data.email)}
      <PageHeader title={data.name || data.email} description={`${data.email} · ${roleLabel(data.role)}`} />
      <Card title="Details">
        <dl className="details">
          <dt>Email</dt>
          <dd>{data.email}</dd>
          <dt>Name</dt>
          <dd>{data.name || <span className="muted">—</span>}</dd>
          <dt>Role</dt>
          <dd>
            <UserRoleSelect user={data} canEdit={canEdit} />
          </dd>
          <dt>Status</dt>
          <dd>
            <UserStatus user={data} />
          </dd>
          <dt>Created</dt>
          <dd>{formatDateTime(data.createdAt)}</dd>
          <dt>Updated</dt>
          <dd>{formatDateTime(data.updatedAt)}</dd>
        </dl>
        {canEdit && (
          <div className="form-actions">
            {data.id === currentUserId ? (
              <p className="muted">This is you: change your own password and second factors on your account page.</p>
            ) : (
              <UserActions user={data} currentUserId={currentUserId} />
            )}
          </div>
        )}
      </Card>
      <SubscriptionsCard title="Subscriptions" scope={{ userId }} show="scope" />
    </>
  );
}
