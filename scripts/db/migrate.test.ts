// End-to-end check of `migrate.ts deploy`, run as the CLI is run (a child
// process), against a fresh database of its own so it never touches the
// shared test database. Needs the local PostgreSQL.
import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrl, MIGRATIONS_DIR, REPO_ROOT, SCHEMA_PATH, withDatabase } from "./config";

const execFileAsync = promisify(execFile);

// Same server as the rest of the test run, a database nobody else uses.
const dbName = `portcullis_migrate_test_${randomUUID().slice(0, 8)}`;
const url = withDatabase(databaseUrl(), dbName);

const migrationDirs = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

// Every model should have a table. The schema uses no @@map, so model names
// are table names.
const modelNames = [...readFileSync(SCHEMA_PATH, "utf8").matchAll(/^model\s+(\w+)\s*\{/gm)].map((m) => m[1]);

/** Runs the CLI like `npx tsx scripts/db/migrate.ts …`, without npx's startup cost. */
async function migrate(...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, ["--import", "tsx", "scripts/db/migrate.ts", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url },
    timeout: 20_000,
  });
  return stdout;
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(dbName)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
});

describe("migrate.ts deploy", () => {
  it("creates a missing database and applies every migration", async () => {
    expect(migrationDirs.length).toBeGreaterThan(0);

    const stdout = await migrate("deploy");
    expect(stdout).toContain(`Created database ${dbName}.`);
    for (const name of migrationDirs) expect(stdout).toContain(name);

    const tables = await query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining([...modelNames, "_prisma_migrations"]));

    // Recorded as `prisma migrate deploy` records them.
    const applied = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      "SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(applied.map((m) => m.migration_name)).toEqual(migrationDirs);
    for (const m of applied) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, m.migration_name, "migration.sql"));
      expect(m.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(m.finished_at).not.toBeNull();
    }
  });

  it("applies nothing when run again", async () => {
    const stdout = await migrate("deploy");
    expect(stdout).toContain("No pending migrations");
    const [{ count }] = await query<{ count: string }>("SELECT count(*) FROM _prisma_migrations");
    expect(Number(count)).toBe(migrationDirs.length);
  });
});
