// Proves the import boundaries of eslint.config.mjs bite: each wrong import, linted at a path
// inside the folder it would break, must be refused with that boundary's message, and the
// forms the boundaries allow must pass. The files need not exist: ESLint lints the text as if
// it lived there, and resolves its imports against the real tree.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const boundaryRules = new Set(["import/no-restricted-paths", "@typescript-eslint/no-restricted-imports"]);

const gateway = "The gateway runs alone";
const contract = "The config contract";
const lib = "lib/ holds the domain";
const components = "components/ import only types from lib/";
const client = "lib/client/ runs in the browser";

let eslint: ESLint;

async function boundaryMessages(filePath: string, code: string) {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, filePath) });
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal).toEqual([]);
  return result.messages.filter((m) => m.ruleId !== null && boundaryRules.has(m.ruleId));
}

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

describe("import boundaries", { timeout: 120_000 }, () => {
  it.each([
    ["gateway-worker/src/x.ts", 'import { db } from "@/lib/db";\nexport const x = db;', gateway],
    ["gateway-worker/src/policies/x.ts", 'import { db } from "../../../lib/db";\nexport const x = db;', gateway],
    ["gateway-worker/test/x.test.ts", 'import { storeSnapshotIfNewer } from "../../lib/config-channel/store-snapshot";\nexport const x = storeSnapshotIfNewer;', gateway],
    ["gateway-worker/src/x.ts", 'import { NextResponse } from "next/server";\nexport const x = NextResponse;', gateway],
    ["gateway-worker/src/x.ts", 'import { PrismaClient } from "@prisma/client";\nexport const x = PrismaClient;', gateway],
    ["lib/x.ts", 'import { Button } from "@/components/ui/button";\nexport const x = Button;', lib],
    ["lib/apis/x.ts", 'import RootLayout from "../../app/layout";\nexport const x = RootLayout;', lib],
    ["lib/x.ts", 'import type { ButtonProps } from "@/components/ui/button";\nexport type X = ButtonProps;', lib],
    ["components/x.tsx", 'import { db } from "@/lib/db";\nexport const x = db;', components],
    ["components/console/x.tsx", 'import { db } from "../../lib/db";\nexport const x = db;', components],
    ["gateway-worker/src/contract/x.ts", 'import { Redis } from "ioredis";\nexport const x = Redis;', contract],
    ["gateway-worker/src/contract/x.ts", 'import { loadEnv } from "../env";\nexport const x = loadEnv;', contract],
    ["lib/client/x.ts", 'import { db } from "@/lib/db";\nexport const x = db;', client],
    ["lib/client/x.ts", 'import { db } from "../db";\nexport const x = db;', client],
    ["lib/client/hooks/x.ts", 'import { db } from "../../db";\nexport const x = db;', client],
    ["lib/client/a/b/c/d/x.ts", 'import { db } from "@/lib/db";\nexport const x = db;', client],
  ])("refuses in %s: %s", async (filePath, code, message) => {
    const messages = await boundaryMessages(filePath, code);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m.message).toContain(message);
  });

  it.each([
    ["components/x.tsx", 'import type { db } from "@/lib/db";\nexport type X = typeof db;'],
    ["components/x.tsx", 'import { type db } from "@/lib/db";\nexport type X = typeof db;'],
    ["components/x.tsx", 'import { apiClient } from "@/lib/client/api-client";\nexport const x = apiClient;'],
    ["components/console/x.tsx", 'import { Button } from "../ui/button";\nexport const x = Button;'],
    ["app/x.tsx", 'import { db } from "@/lib/db";\nimport { Button } from "@/components/ui/button";\nexport const x = [db, Button];'],
    ["lib/apis/x.ts", 'import { db } from "../db";\nimport { z } from "zod";\nexport const x = [db, z];'],
    ["lib/client/x.ts", 'import type { db } from "@/lib/db";\nimport { useQuery } from "@tanstack/react-query";\nexport const x = useQuery as unknown as typeof db;'],
    ["lib/client/hooks/x.ts", 'import { apiClient } from "../api-client";\nimport type { db } from "../../db";\nexport const x = apiClient as unknown as typeof db;'],
    ["gateway-worker/src/x.ts", 'import { Redis } from "ioredis";\nimport { z } from "./contract/config-snapshot";\nexport const x = [Redis, z];'],
    ["gateway-worker/src/contract/x.ts", 'import { createHash } from "node:crypto";\nimport { z } from "zod";\nimport { y } from "./y";\nexport const x = [createHash, z, y];'],
    // Access rules compile with one CEL environment on both sides (contract/access-rules.ts).
    ["gateway-worker/src/contract/x.ts", 'import { parse } from "@bufbuild/cel";\nimport { strings } from "@bufbuild/cel/ext";\nexport const x = [parse, strings];'],
  ])("allows in %s: %s", async (filePath, code) => {
    expect(await boundaryMessages(filePath, code)).toEqual([]);
  });
});
