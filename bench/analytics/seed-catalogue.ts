// The catalogue bench:analytics records traffic for: APIs in products, developers owning
// subscriptions, and one platform admin who reads the dashboards. Seeded with plain SQL
// (generate_series, a few seconds for 100,000 subscriptions; the management API is not what
// is measured); the ids follow a formula, so the generator knows them without reading back.
import pg from "pg";
import type { BenchApi, BenchCatalogue } from "./synthetic-records";

export type SeedShape = { apis: number; products: number; subscriptions: number; developers: number };

// 25 characters, as long as the cuids the console creates (row and index sizes stay realistic).
const pad = (i: number) => String(i).padStart(21, "0");
const ids = {
  admin: "bench-admin",
  user: (i: number) => `busr${pad(i)}`,
  product: (i: number) => `bprd${pad(i)}`,
  api: (i: number) => `bapi${pad(i)}`,
  subscription: (i: number) => `bsub${pad(i)}`,
};
const sqlId = (prefix: string, expr: string) => `'${prefix}' || lpad((${expr})::text, 21, '0')`;

export async function seedCatalogue(databaseUrl: string, shape: SeedShape): Promise<BenchCatalogue & { adminId: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { apis, products, subscriptions, developers } = shape;
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, 'bench-admin@bench.local', 'Bench admin', '-', 'PLATFORM_ADMIN', now())`,
      [ids.admin],
    );
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
       SELECT ${sqlId("busr", "i")}, 'bench-dev-' || i || '@bench.local', 'Bench developer ' || i, '-', 'DEVELOPER', now() FROM generate_series(0, $1 - 1) i`,
      [developers],
    );
    await client.query(
      `INSERT INTO "Product" (id, name, state, "updatedAt") SELECT ${sqlId("bprd", "i")}, 'Bench product ' || i, 'PUBLISHED', now() FROM generate_series(0, $1 - 1) i`,
      [products],
    );
    // API i is in product i mod products: popular APIs spread over products.
    await client.query(
      `INSERT INTO "Api" (id, name, path, "backendUrls", "updatedAt") SELECT ${sqlId("bapi", "i")}, 'Bench API ' || i, 'bench-' || i, ARRAY['http://127.0.0.1:9'], now() FROM generate_series(0, $1 - 1) i`,
      [apis],
    );
    await client.query(`INSERT INTO "ProductApi" ("productId", "apiId") SELECT ${sqlId("bprd", "i % $2")}, ${sqlId("bapi", "i")} FROM generate_series(0, $1 - 1) i`, [apis, products]);
    // Subscription i: product i mod products, owned by developer i / 5: each developer has 5
    // subscriptions, to 5 different products.
    await client.query(
      `INSERT INTO "Subscription" (id, name, "productId", "userId", state, "primaryKeyHash", "secondaryKeyHash", "primaryKeyEncrypted", "secondaryKeyEncrypted", "updatedAt")
       SELECT ${sqlId("bsub", "i")}, 'bench subscription ' || i, ${sqlId("bprd", "i % $2")}, ${sqlId("busr", "(i / 5) % $3")}, 'ACTIVE',
              'bench-p-' || i, 'bench-s-' || i, '-', '-', now()
       FROM generate_series(0, $1 - 1) i`,
      [subscriptions, products, developers],
    );
    await client.query(`ANALYZE "User", "Product", "Api", "ProductApi", "Subscription"`);
  } finally {
    await client.end();
  }
  return catalogueOf(shape);
}

/** The seeded catalogue's ids, by the same formulas (also for a database seeded by an earlier run). */
export function catalogueOf(shape: SeedShape): BenchCatalogue & { adminId: string } {
  const benchApis: BenchApi[] = Array.from({ length: shape.apis }, (_, i) => ({
    id: ids.api(i),
    path: `bench-${i}`,
    productId: ids.product(i % shape.products),
    usesJwt: i % 10 === 3,
  }));
  const subscriptionsByProduct = new Map<string, string[]>(Array.from({ length: shape.products }, (_, p) => [ids.product(p), []]));
  const ownerOf = new Map<string, string>();
  for (let i = 0; i < shape.subscriptions; i++) {
    subscriptionsByProduct.get(ids.product(i % shape.products))!.push(ids.subscription(i));
    ownerOf.set(ids.subscription(i), ids.user(Math.floor(i / 5) % shape.developers));
  }
  return { adminId: ids.admin, apis: benchApis, subscriptionsByProduct, ownerOf };
}
