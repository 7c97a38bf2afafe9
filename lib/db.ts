// One Prisma client per process, over node-postgres (no native engine needed).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { portcullisPrisma?: PrismaClient };

function createClient() {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL }) });
}

export function db(): PrismaClient {
  globalForPrisma.portcullisPrisma ??= createClient();
  return globalForPrisma.portcullisPrisma;
}

export async function disconnectDb() {
  await globalForPrisma.portcullisPrisma?.$disconnect();
  globalForPrisma.portcullisPrisma = undefined;
}
