import { defineConfig } from "prisma/config";

// The Prisma CLI is only used for `generate` here (see scripts/db/); the URL is
// still given so `prisma validate` and editors resolve the datasource.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portcullis" },
});
