// The catalogue as a visitor who is not signed in sees it (portal.anonymousAccess: every
// published product, or the chosen ones), rendered on the server; subscribing needs an account.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { VisitorProduct } from "@/lib/portal/branding/visitor-catalogue";

export function VisitorCatalogue({ products }: { products: VisitorProduct[] }) {
  return (
    <>
      <h2 className="section-title">Products</h2>
      <p className="muted">
        <Link href="/signup">Create an account</Link> or <Link href="/login?callbackUrl=%2Fportal">sign in</Link> to subscribe and get keys.
      </p>
      {products.length === 0 && <p className="muted">No products are published yet.</p>}
      <div className="card-grid">
        {products.map((product) => (
          <Card key={product.id} title={product.name} headingLevel={3}>
            {product.description && <p>{product.description}</p>}
            {product.apis.length > 0 && (
              <p className="field-hint">
                APIs: {product.apis.map((api) => api.name).join(", ")}
              </p>
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
