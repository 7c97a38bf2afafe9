// Seeds a demo: users of every role, the demo Orders API, a product and a
// subscription for the demo developer. Idempotent: run it as often as you like.
import { readFile } from "node:fs/promises";
import { hashPassword } from "@/lib/iam/password";
import { systemActor } from "@/lib/iam/actor";
import { importApi } from "@/lib/apis/import-api";
import { createProduct } from "@/lib/products/create-product";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { newKeyColumns, revealKeys, withEncryptedKeys } from "@/lib/subscriptions/subscription-keys";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { db, disconnectDb } from "@/lib/db";
import { disconnectRedis } from "@/lib/redis";

export const demoUsers = [
  { email: "admin@portcullis.local", name: "Ada Admin", role: "PLATFORM_ADMIN", password: "portcullis-admin" },
  { email: "publisher@portcullis.local", name: "Pat Publisher", role: "API_PUBLISHER", password: "portcullis-publisher" },
  { email: "viewer@portcullis.local", name: "Vic Viewer", role: "VIEWER", password: "portcullis-viewer" },
  { email: "dev@portcullis.local", name: "Dana Developer", role: "DEVELOPER", password: "portcullis-dev" },
] as const;

const DEMO_API_PATH = "demo";
const DEMO_PRODUCT = "Starter";
const DEMO_SUBSCRIPTION = "Demo app";

export async function seedDemo(options: { demoBackendUrl: string }) {
  for (const u of demoUsers) {
    const existing = await db().user.findUnique({ where: { email: u.email } });
    if (!existing) {
      await db().user.create({ data: { email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) } });
    }
  }
  const developer = await db().user.findUniqueOrThrow({ where: { email: "dev@portcullis.local" } });

  let api = await db().api.findFirst({ where: { path: DEMO_API_PATH } });
  if (!api) {
    const spec = await readFile(new URL("../demo-backend/openapi.yaml", import.meta.url), "utf8");
    const imported = await importApi({ name: "Demo Orders API", path: DEMO_API_PATH, backendUrl: options.demoBackendUrl, spec }, systemActor);
    api = await db().api.findUniqueOrThrow({ where: { id: imported.id } });
  }

  let product = await db().product.findUnique({ where: { name: DEMO_PRODUCT } });
  if (!product) {
    const created = await createProduct(
      {
        name: DEMO_PRODUCT,
        description: "Everything you need to try the demo Orders API.",
        terms: "Be nice to the demo backend.",
        apiIds: [api.id],
        approvalRequired: false,
        subscriptionsLimit: 3,
        state: "published",
        rateLimit: null,
        quota: null,
      },
      systemActor,
    );
    product = await db().product.findUniqueOrThrow({ where: { id: created.id } });
  }

  let subscription = await db().subscription.findFirst({ where: { name: DEMO_SUBSCRIPTION, userId: developer.id }, omit: withEncryptedKeys });
  if (!subscription) {
    const created = await createSubscription({ productId: product.id, name: DEMO_SUBSCRIPTION, userId: developer.id }, systemActor);
    subscription = await db().subscription.findUniqueOrThrow({ where: { id: created.id }, omit: withEncryptedKeys });
  }
  const keys = await demoKeys(subscription);
  // Publish even when nothing was created, so a fresh Redis gets the configuration.
  await publishGatewayConfig("seed");
  return { apiPath: api.path, subscriptionId: subscription.id, ...keys };
}

/**
 * The demo keys, decrypted. A database seeded under another SECRETS_ENCRYPTION_KEY
 * (a new .env, a second checkout) cannot decrypt them: give the demo subscription new
 * keys rather than failing the whole start.
 */
async function demoKeys(subscription: Parameters<typeof revealKeys>[0] & { id: string }) {
  try {
    return revealKeys(subscription);
  } catch {
    console.error("[seed] the demo subscription's keys were encrypted with another SECRETS_ENCRYPTION_KEY; issuing new demo keys");
    const { plain, columns } = newKeyColumns();
    await db().$transaction(async (tx) => {
      await tx.subscription.update({ where: { id: subscription.id }, data: columns });
      await recordAuditEvent(tx, systemActor, { action: "subscription.keys_reissued", entityType: "subscription", entityId: subscription.id });
    });
    return plain;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const demoBackendUrl = process.argv[2] ?? "http://127.0.0.1:4000";
  seedDemo({ demoBackendUrl })
    .then((result) => console.log(JSON.stringify(result)))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(async () => {
      await disconnectDb();
      await disconnectRedis();
    });
}
