// Writing a scope's policy into a nullable Json column. Apart from
// stored-scope-policy.ts because Prisma's runtime must not reach the browser,
// which imports the reader through the API resource schemas.
import type { ScopePolicy } from "@portcullis/gateway/contract";
import { Prisma } from "@/generated/prisma/client";

/** An empty policy is stored as SQL NULL. */
export function policyColumn(policy: ScopePolicy): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return Object.keys(policy).length === 0 ? Prisma.DbNull : (policy as Prisma.InputJsonValue);
}
