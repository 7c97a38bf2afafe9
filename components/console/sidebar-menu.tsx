"use client";
// Below the sidebar breakpoint the navigation folds behind a Menu button (see .sidebar-panel in
// globals.css); on wide screens the button is hidden and the panel always shows.
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

export function SidebarMenu({ children }: { children: ReactNode }) {
  const id = useId();
  const pathname = usePathname();
  const button = useRef<HTMLButtonElement>(null);
  // Remembering where it was opened closes it on navigation without an effect that sets state.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="sidebar-menu-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        <span aria-hidden="true" className="sidebar-menu-icon" />
        Menu
      </button>
      <div id={id} className="sidebar-panel" data-open={open}>
        {children}
      </div>
    </>
  );
}
