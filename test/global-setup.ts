// Migrates a fresh test database once per run, the same way `npm run db:migrate` does.
import { execFileSync } from "node:child_process";

export default function setup() {
  execFileSync("npx", ["tsx", "scripts/db/migrate.ts", "reset"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${process.env.PORTCULLIS_TEST_DB ?? "portcullis_test"}` },
  });
}
