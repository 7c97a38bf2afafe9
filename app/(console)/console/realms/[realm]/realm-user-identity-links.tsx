"use client";
// A realm user's linked identities (sign-in through identity providers), opened on demand, each
// with an unlink button: that identity then no longer signs in as this user.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import type { RealmUser } from "@/lib/client/api-types";
import { useRealmUserIdentityLinks, useUnlinkRealmUserIdentity } from "@/lib/client/use-realm-identity-links";

export function RealmUserIdentityLinks({ realm, user }: { realm: string; user: RealmUser }) {
  const [open, setOpen] = useState(false);
  const links = useRealmUserIdentityLinks(realm, user.id, open);
  const unlink = useUnlinkRealmUserIdentity(realm, user.id);
  const items = links.data?.items ?? [];
  return (
    <>
      <Button size="sm" variant="ghost" aria-expanded={open} aria-label={`Linked identities of ${user.username}`} onClick={() => setOpen(!open)}>
        {open ? "Hide identities" : "Identities"}
      </Button>
      {open && (
        <div role="region" aria-label={`Linked identities of ${user.username}`}>
          <ErrorBanner error={links.error ?? unlink.error} title="Could not load or change the linked identities" />
          {links.isPending && <p className="field-hint">Loading…</p>}
          {links.isSuccess && items.length === 0 && <p className="field-hint">No linked identities: this user signs in with a password only.</p>}
          <ul>
            {items.map((link) => (
              <li key={link.alias}>
                <strong>{link.alias}</strong>: <code>{link.subject}</code>
                {link.email ? ` (${link.email})` : ""}, last sign-in {new Date(link.lastSignInAt).toLocaleString()}{" "}
                <ConfirmButton
                  size="sm"
                  variant="danger"
                  aria-label={`Unlink ${link.alias} from ${user.username}`}
                  busy={unlink.isPending && unlink.variables === link.alias}
                  confirm={{
                    title: `Unlink ${link.alias} from ${user.username}?`,
                    body: `Signing in through ${link.alias} as ${link.subject} no longer signs in as ${user.username}.`,
                    wayBack: `The link comes back if ${user.username} signs in through ${link.alias} again and the provider's first-login setting links it.`,
                    confirmLabel: "Unlink identity",
                  }}
                  onConfirm={() => unlink.mutate(link.alias)}
                >
                  Unlink
                </ConfirmButton>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
