// A tiny client for the management API, authenticated with the e2e admin token.
import { consoleUrl, e2eAdminToken } from "./e2e-env";

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
  const { items } = await managementApi<{ items: Subscription[] }>("/subscriptions");
  const demo = items.find((s) => s.name === "Demo app");
  if (!demo) throw new Error("the seed did not create the 'Demo app' subscription");
  const secrets = await managementApi<{ primaryKey: string }>(`/subscriptions/${demo.id}/secrets`);
  return secrets.primaryKey;
}
