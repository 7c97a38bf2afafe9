// Rows for list tests (vitest and Playwright), inserted with createMany by the caller: many
// APIs, users and subscriptions under one `tag` (names start with it, so a search finds
// exactly them). Subscriptions share one createdAt, so only the id orders them.
import { randomBytes } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";

const id = (prefix: string) => `${prefix}${randomBytes(10).toString("hex")}`;
const pad = (i: number) => String(i).padStart(5, "0");
const hex = () => randomBytes(32).toString("hex");

export type ListRows = {
  apis: Prisma.ApiCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  product: Prisma.ProductCreateManyInput;
  productApi: Prisma.ProductApiCreateManyInput;
  subscriptions: Prisma.SubscriptionCreateManyInput[];
};

export function listRows(tag: string, counts: { apis: number; users: number; subscriptions: number }, createdAt = new Date("2020-01-01T00:00:00Z")): ListRows {
  const apis = Array.from({ length: counts.apis }, (_, i) => ({
    id: id("lapi"),
    name: `${tag} API ${pad(i)}`,
    path: `${tag}-api-${pad(i)}`.toLowerCase(),
    backendUrls: ["http://127.0.0.1:1/"],
    lifecycle: i % 2 === 0 ? ("PUBLISHED" as const) : ("DRAFT" as const),
    createdAt,
  }));
  const users = Array.from({ length: counts.users }, (_, i) => ({
    id: id("lusr"),
    email: `${tag}-user-${pad(i)}@lists.test`.toLowerCase(),
    name: `${tag} User ${pad(i)}`,
    role: i % 2 === 0 ? ("DEVELOPER" as const) : ("VIEWER" as const),
    passwordHash: "scrypt$unusable",
    createdAt,
  }));
  const product = { id: id("lprd"), name: `${tag} Product`, state: "PUBLISHED" as const, createdAt };
  const productApi = { productId: product.id, apiId: apis[0]?.id ?? "" };
  const subscriptions = Array.from({ length: counts.subscriptions }, (_, i) => ({
    id: id("lsub"),
    name: `${tag} app ${pad(i)}`,
    productId: product.id,
    userId: users.length ? users[i % users.length]!.id : null,
    state: i % 3 === 0 ? ("CANCELLED" as const) : ("ACTIVE" as const),
    // Never revealed: these rows only fill lists.
    primaryKeyHash: hex(),
    secondaryKeyHash: hex(),
    primaryKeyEncrypted: "unused",
    secondaryKeyEncrypted: "unused",
    createdAt,
  }));
  return { apis, users, product, productApi, subscriptions };
}
