// A user's sign-in status in the users table: disabled or active, and a temporary lockout after
// repeated wrong passwords (brute force detection), with the failures that led to it.
import type { ConsoleUser } from "@/lib/client/api-types";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";

export function UserStatus({ user }: { user: ConsoleUser }) {
  return (
    <>
      {user.disabled ? (
        <Badge tone="danger">disabled</Badge>
      ) : user.awaitingApproval ? (
        <Badge tone="warning">awaiting approval</Badge>
      ) : (
        <Badge tone="success">active</Badge>
      )}
      {user.locked && user.lockedUntil && (
        <>
          {" "}
          <Badge tone="warning">locked until {formatDateTime(user.lockedUntil)}</Badge>
        </>
      )}
      {user.failedLoginAttempts > 0 && (
        <div className="field-hint">
          {user.failedLoginAttempts} failed sign-in{user.failedLoginAttempts === 1 ? "" : "s"}
          {user.lastFailedLoginAt && `, last ${formatDateTime(user.lastFailedLoginAt)}`}
        </div>
      )}
    </>
  );
}
