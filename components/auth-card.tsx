// The card the sign-in and sign-up pages stand in: the brand on top, the page's form below.
import type { ReactNode } from "react";
import { Logo } from "@/components/logo";

export function AuthCard({ children }: { children: ReactNode }) {
  return (
    <div className="card narrow login-card">
      <div className="card-body">
        <div className="login-brand">
          <Logo />
        </div>
        {children}
      </div>
    </div>
  );
}
