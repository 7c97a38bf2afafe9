import Link from "next/link";
import { connection } from "next/server";

// Rendered per request, not prerendered: the CSP nonce (proxy.ts) must reach its scripts.
export default async function NotFound() {
  await connection();
  return (
    <main className="centered-page">
      <div className="card narrow">
        <div className="card-body">
          <h1 className="page-title">Page not found</h1>
          <p className="muted">The page you asked for does not exist or was moved.</p>
          <p>
            <Link href="/">Go to the start page</Link>
          </p>
        </div>
      </div>
    </main>
  );
}
