// deploy, create and reset (status is in status.ts). Each returns the
// process exit code and prints what it did.
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import { databaseName, MIGRATIONS_DIR, SCHEMA_PATH } from "./config";
import { openEngine, withPanicMessage } from "./engine";
import { UserError } from "./errors";
import { readMigrationsList, readSchemaFiles, writeMigration } from "./migrations-dir";
import { dropDatabase, ensureDatabase } from "./pg-admin";

// No tables or enums are managed outside Prisma in this project.
export const filters: SchemaFilter = { externalTables: [], externalEnums: [] };
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Runs `fn` with an engine, and whatever happens, drops shadow databases the
 * engine left behind. Deploy and status pass no schema (undefined, not an
 * empty list, which panics the engine): applying migrations must not depend
 * on the schema file being valid.
 */
export async function withEngine<T>(url: string, schemaPath: string | null, fn: (engine: SchemaEngine) => Promise<T>) {
  const schemaFiles = schemaPath ? await readSchemaFiles(schemaPath) : undefined;
  const { engine, factory } = await openEngine(url, schemaFiles?.map((f) => [f.path, f.content]));
  try {
    return await fn(engine);
  } catch (error) {
    throw withPanicMessage(error);
  } finally {
    await factory.dropLeftoverShadowDbs();
  }
}

/** `prisma migrate deploy`: create the database if needed, apply pending migrations. */
export async function deploy(url: string): Promise<number> {
  if (await ensureDatabase(url)) console.log(`Created database ${databaseName(url)}.`);
  const migrationsList = await readMigrationsList(MIGRATIONS_DIR);
  const { appliedMigrationNames } = await withEngine(url, null, (engine) =>
    engine.applyMigrations({ migrationsList, filters }),
  ).catch((error: Error & { code?: string }) => {
    if (error.code === "P3009") {
      error.message += "\nSee `npx tsx scripts/db/migrate.ts status`. In development, fix the migration and run reset.";
    }
    throw error;
  });
  const total = migrationsList.migrationDirectories.length;
  if (appliedMigrationNames.length === 0) {
    console.log(`No pending migrations: ${databaseName(url)} is up to date (${plural(total, "migration")}).`);
  } else {
    console.log(`Applied ${plural(appliedMigrationNames.length, "migration")} to ${databaseName(url)}:`);
    for (const name of appliedMigrationNames) console.log(`  ${name}`);
  }
  return 0;
}

/** `prisma migrate dev --create-only`: write the migration the schema needs, don't apply it. */
export async function create(url: string, migrationName: string): Promise<number> {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(migrationName)) {
    throw new UserError(`Invalid migration name "${migrationName}": use letters, digits, "_" or "-".`);
  }
  if (await ensureDatabase(url)) console.log(`Created database ${databaseName(url)}.`);
  const migrationsList = await readMigrationsList(MIGRATIONS_DIR);
  const schemaFiles = await readSchemaFiles(SCHEMA_PATH);

  return withEngine(url, SCHEMA_PATH, async (engine) => {
    // Same order as `migrate dev`. devDiagnostic also computes, in a shadow
    // database, the schema the applied migrations produce; evaluateDataLoss and
    // createMigration reuse it, as in the wasm engine they cannot open a shadow
    // database themselves ("shadow DB must be provided through an external factory").
    const { action } = await engine.devDiagnostic({ migrationsList, filters });
    if (action.tag === "reset") {
      throw new UserError(
        `${databaseName(url)} does not match the migration history: ${action.reason}\n` +
          "If its data is disposable, run `npx tsx scripts/db/migrate.ts reset`, then create again.",
      );
    }
    // The new migration is computed against an up-to-date database.
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters });
    for (const name of appliedMigrationNames) console.log(`Applied pending migration ${name}.`);
    // That schema was computed for the migrations applied *then*: recompute it.
    if (appliedMigrationNames.length > 0) await engine.devDiagnostic({ migrationsList, filters });

    const loss = await engine.evaluateDataLoss({ migrationsList, schema: { files: schemaFiles }, filters });
    for (const { message } of loss.warnings) console.warn(`WARNING (data loss): ${message}`);
    for (const { message } of loss.unexecutableSteps) console.warn(`WARNING (will fail on existing data): ${message}`);

    const created = await engine.createMigration({
      draft: false,
      migrationName,
      migrationsList,
      schema: { files: schemaFiles },
      filters,
    });
    if (created.migrationScript === null) {
      console.log("No changes: the migrations already match prisma/schema.prisma. Nothing written.");
      return 0;
    }
    const file = await writeMigration(
      MIGRATIONS_DIR,
      created.generatedMigrationName,
      created.migrationScript,
      created.connectorType,
    );
    console.log(`Created ${file}\nReview it, then apply it with: npx tsx scripts/db/migrate.ts deploy`);
    return 0;
  });
}

/** Drops and recreates the database, then deploys. Development and tests only. */
export async function reset(url: string): Promise<number> {
  if (process.env.NODE_ENV === "production") {
    throw new UserError("Refusing to reset a database with NODE_ENV=production.");
  }
  await dropDatabase(url);
  console.log(`Dropped database ${databaseName(url)}.`);
  return deploy(url);
}
