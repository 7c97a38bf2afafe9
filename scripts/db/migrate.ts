// Portcullis migration tool: Prisma Migrate's deploy / create / status / reset
// on the schema engine's WebAssembly build (see scripts/db/engine.ts for why).
//
//   npx tsx scripts/db/migrate.ts deploy          apply pending migrations
//   npx tsx scripts/db/migrate.ts create <name>   write a migration for schema changes
//   npx tsx scripts/db/migrate.ts status          list applied / pending migrations
//                                                 (exit 1 unless all applied, like prisma)
//   npx tsx scripts/db/migrate.ts reset           drop, recreate and deploy (dev/tests)
//
// The database is env DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/portcullis).
import { create, deploy, reset } from "./commands";
import { databaseUrl } from "./config";
import { withPanicMessage } from "./engine";
import { describeError, UserError } from "./errors";
import { status } from "./status";

const USAGE = "Usage: npx tsx scripts/db/migrate.ts deploy | create <name> | status | reset";

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const url = databaseUrl();
  switch (command) {
    case "deploy":
      return deploy(url);
    case "create":
      if (rest.length !== 1) throw new UserError(`create needs a migration name.\n${USAGE}`);
      return create(url, rest[0]);
    case "status":
      return status(url);
    case "reset":
      return reset(url);
    default:
      throw new UserError(command ? `Unknown command "${command}".\n${USAGE}` : USAGE);
  }
}

// A Rust panic inside the engine can escape as an uncaught exception from a
// promise job instead of rejecting the pending call; report it the same way.
process.on("uncaughtException", (error) => {
  console.error(`Error: ${describeError(withPanicMessage(error))}`);
  process.exit(1);
});

let exitCode: number;
try {
  exitCode = await run(process.argv.slice(2));
} catch (error) {
  console.error(`Error: ${describeError(error)}`);
  if (process.env.MIGRATE_DEBUG && error instanceof Error) console.error(error.stack);
  exitCode = 1;
}
// Exit explicitly: the engine keeps its connection pool open and would keep
// the process alive forever.
process.exit(exitCode);
