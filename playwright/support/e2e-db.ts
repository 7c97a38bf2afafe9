// Direct access to the suite's own database, for specs that need more rows than the
// management API can create in a reasonable time (thousands, via createMany).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client";
import { e2eEnv } from "./e2e-env";

export async function withE2eDb<T>(work: (db: PrismaClient) => Promise<T>): Promise<T> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: e2eEnv.DATABASE_URL as string }) });
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
