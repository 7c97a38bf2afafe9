"use client";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton({ variant = "ghost" }: { variant?: "ghost" | "secondary" }) {
  return (
    <Button variant={variant} size="sm" onClick={() => void signOut({ callbackUrl: "/login" })}>
      Sign out
    </Button>
  );
}
