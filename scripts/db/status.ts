// `status`: how the database's migration history compares with prisma/migrations.
import { filters, plural, withEngine } from "./commands";
import { MIGRATIONS_DIR, redact } from "./config";
import { readMigrationsList } from "./migrations-dir";
import { databaseExists } from "./pg-admin";

/** `prisma migrate status`: exit code 1 unless every migration is applied and intact. */
export async function status(url: string): Promise<number> {
  const migrationsList = await readMigrationsList(MIGRATIONS_DIR);
  const local = migrationsList.migrationDirectories.map((d) => d.path);
  console.log(`Database ${redact(url)}, ${plural(local.length, "migration")} in prisma/migrations.`);
  if (!(await databaseExists(url))) {
    console.log(`The database does not exist yet; deploy will create it and apply all migrations.`);
    return local.length === 0 ? 0 : 1;
  }
  const report = await withEngine(url, null, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters }),
  );
  const history = report.history;
  const unapplied = new Set(history && "unappliedMigrationNames" in history ? history.unappliedMigrationNames : []);
  const unpersisted = history && "unpersistedMigrationNames" in history ? history.unpersistedMigrationNames : [];

  const failed = new Set(report.failedMigrationNames);
  const edited = new Set(report.editedMigrationNames);
  for (const name of local) {
    if (failed.has(name)) console.log(`  FAILED   ${name}`);
    else if (edited.has(name)) console.log(`  EDITED   ${name} (changed after it was applied)`);
    else console.log(`  ${unapplied.has(name) ? "pending " : "applied "} ${name}`);
  }
  for (const name of unpersisted) {
    console.log(`  ${failed.has(name) ? "FAILED " : "missing"}  ${name} (in the database, not in prisma/migrations)`);
  }

  const problems = report.failedMigrationNames.length + report.editedMigrationNames.length + unpersisted.length;
  if (history === null && problems === 0) {
    console.log("Database schema is up to date.");
    return 0;
  }
  if (history?.diagnostic === "historiesDiverge") {
    console.log(`The histories diverge after ${history.lastCommonMigrationName ?? "the first migration"}.`);
  }
  if (unapplied.size > 0) console.log(`${plural(unapplied.size, "migration")} pending: run deploy.`);
  return 1;
}
