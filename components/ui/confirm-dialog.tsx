"use client";
// The one way the console asks before an irreversible or disruptive action. A native modal
// <dialog> gives the focus trap, the inert page behind it and Escape (its "cancel" event) for
// free; we add the alertdialog role, the labels, and focus back on whatever opened it.
import { useEffect, useId, useRef, useState, type ComponentProps, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

export type Confirmation = {
  /** The question, e.g. "Retire Orders API?" */
  title: ReactNode;
  /** What will happen, in the user's words (who is affected, what stops working). */
  body: ReactNode;
  /** Whether it can be undone and how; say plainly when it cannot. */
  wayBack: ReactNode;
  /** The confirming button, naming the action ("Retire API"), never a bare "OK". */
  confirmLabel: string;
  cancelLabel?: string;
};

type ConfirmDialogProps = Confirmation & { open: boolean; onConfirm: () => void; onCancel: () => void };

export function ConfirmDialog({ open, title, body, wayBack, confirmLabel, cancelLabel = "Keep it", onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Closing by any route (Escape, a button, unmount of the opener's row) returns focus to the opener.
  const returnFocus = () => {
    const target = opener.current;
    opener.current = null;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
  };

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      className="confirm-dialog"
      onCancel={(event) => {
        // Escape: keep React the owner of `open`, so the dialog closes through onCancel only.
        event.preventDefault();
        onCancel();
      }}
      onClose={returnFocus}
    >
      {open && (
        <>
          <h2 id={titleId} className="confirm-dialog-title">
            {title}
          </h2>
          <div id={bodyId} className="confirm-dialog-body">
            <p>{body}</p>
            <p className="confirm-dialog-way-back">{wayBack}</p>
          </div>
          <div className="form-actions">
            {/* Cancel first and focused: Enter on an opened dialog must not destroy anything. */}
            <Button variant="secondary" onClick={onCancel} autoFocus>
              {cancelLabel}
            </Button>
            <Button variant="danger" onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}

type ConfirmButtonProps = Omit<ComponentProps<typeof Button>, "onClick"> & {
  confirm: Confirmation;
  onConfirm: () => void;
};

/** A button that asks first: the action runs only when the dialog is accepted. */
export function ConfirmButton({ confirm, onConfirm, ...button }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)} aria-haspopup="dialog" />
      <ConfirmDialog
        {...confirm}
        open={open}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          onConfirm();
        }}
      />
    </>
  );
}
