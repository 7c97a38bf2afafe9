"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False during server rendering and hydration, true once React owns the page.
 * Controls are disabled until then: a click before hydration would otherwise do a
 * native form submit, or be lost (and browser automation clicks as soon as it can).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
