// A tiny client for the management API, authenticated with the e2e admin token.
import { readFileSync } from "node:fs";
import { consoleUrl, e2eAdminToken, e2ePorts } from "./e2e-env";

export async function managementApi<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${consoleUrl}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${e2eAdminToken}`, "content-type": "application/json", ...init.headers },
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path} -> ${response.status} ${JSON.stringify(body)}`);
  return body as T;
}

type Subscription = { id: string; name: string; state: string };

/** The primary key of the seeded demo developer's subscription. */
export async function demoSubscriptionKey(): Promise<string> {
  const { items } = await managementApi<{ items: Subscription[] }>(`/subscriptions?search=${encodeURIComponent("Demo app")}&limit=200`);
  const demo = items.find((s) => s.name === "Demo app");
  if (!demo) throw new Error("the seed did not create the 'Demo app' subscription");
  const secrets = await managementApi<{ primaryKey: string }>(`/subscriptions/${demo.id}/secrets`);
  return secrets.primaryKey;
}

/** A fresh copy of the demo Orders API at a unique path, published, for one spec to change freely. */
export async function publishDemoApi(
  name: string,
  pathPrefix: string,
  options: { subscriptionRequired?: boolean; jwtRequirements?: Record<string, unknown> } = {},
) {
  const path = `${pathPrefix}-${Date.now().toString(36)}`;
  const api = await managementApi<{ id: string; name: string }>("/apis", {
    method: "POST",
    body: JSON.stringify({
      name: `${name} ${path}`,
      path,
      backendUrl: `http://127.0.0.1:${e2ePorts.demoBackend}`,
      spec: readFileSync("demo-backend/openapi.yaml", "utf8"),
      lifecycle: "published",
      ...options,
    }),
  });
  return { api, path };
}

/** A published product bundling `apiId`, and a subscription to it with its primary key. */
export async function subscribeToNewProduct(name: string, apiId: string): Promise<{ productId: string; key: string }> {
  const product = await managementApi<{ id: string }>("/products", {
    method: "POST",
    body: JSON.stringify({ name, apiIds: [apiId], state: "published" }),
  });
  const sub = await managementApi<{ primaryKey: string }>("/subscriptions", { method: "POST", body: JSON.stringify({ productId: product.id, name }) });
  return { productId: product.id, key: sub.primaryKey };
}
