import Link from "next/link";

export default function NotFound() {
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
