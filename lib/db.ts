// One Prisma client per process, over node-postgres (no native engine needed).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type { ITXClientDenyList } from "@prisma/client/runtime/client";
import { PrismaClient, type AdminApiToken, type Prisma, type Subscription, type User } from "@/generated/prisma/client";
import { env } from "@/lib/env";

// Secrets stay out of every query's result unless a reader asks for them by name
// (`omit: { passwordHash: false }`): a row that reaches an answer, a log line or the audit log
// cannot carry what it never held, and the result types show who reads them.
const secretColumns = {
  user: { passwordHash: true },
  adminApiToken: { tokenHash: true },
  // Hashes of random keys reveal nothing, but only the gateway snapshot needs them.
  subscription: { primaryKeyHash: true, secondaryKeyHash: true, primaryKeyEncrypted: true, secondaryKeyEncrypted: true },
  realmUser: { passwordHash: true },
  realmClient: { secretHash: true },
  realmSigningKey: { privateKeyCiphertext: true },
} as const;

function createClient(): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL }), omit: secretColumns });
}

type Client = PrismaClient<never, typeof secretColumns>;
/** The `tx` of `db().$transaction`: the client's omissions hold inside a transaction too. */
export type DbTransaction = Omit<Client, ITXClientDenyList>;
// Prisma types the transaction callback with a client that has no omissions, which would let
// `tx.user.findUnique` claim a passwordHash it never returns: restate it with ours.
export type Db = Omit<Client, "$transaction"> & {
  $transaction<R>(
    work: (tx: DbTransaction) => Promise<R>,
    options?: { maxWait?: number; timeout?: number; isolationLevel?: Prisma.TransactionIsolationLevel },
  ): Promise<R>;
};
/** Rows as db() returns them, without their secret columns. */
export type UserRow = Omit<User, keyof typeof secretColumns.user>;
export type AdminApiTokenRow = Omit<AdminApiToken, keyof typeof secretColumns.adminApiToken>;
export type SubscriptionRow = Omit<Subscription, keyof typeof secretColumns.subscription>;

const globalForPrisma = globalThis as unknown as { portcullisPrisma?: Db };

export function db(): Db {
  globalForPrisma.portcullisPrisma ??= createClient();
  return globalForPrisma.portcullisPrisma;
}

export async function disconnectDb() {
  await globalForPrisma.portcullisPrisma?.$disconnect();
  globalForPrisma.portcullisPrisma = undefined;
}
