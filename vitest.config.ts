import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit and integration tests. Integration tests use the real PostgreSQL
// (database portcullis_test, migrated fresh by the global setup) and Redis
// (an isolated key prefix). PORTCULLIS_TEST_DB names another database (and prefix)
// so two runs on one machine do not drop each other's tables.
const testDatabase = process.env.PORTCULLIS_TEST_DB ?? "portcullis_test";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Tests call the services directly, as a route handler does; "server-only" guards the browser
      // bundle, and resolves to its empty module under React's server condition, as here.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "gateway-worker/test/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Closes each file's database and Redis clients after its last hook.
    setupFiles: ["test/setup/teardown.ts"],
    env: {
      NODE_ENV: "test",
      DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${testDatabase}`,
      CONFIG_CHANNEL_PREFIX: testDatabase === "portcullis_test" ? "portcullis-test" : `portcullis-test-${testDatabase}`,
      ADMIN_API_TOKEN: "test-admin-token-0123456789abcdef",
      NEXTAUTH_SECRET: "test-nextauth-secret-0123456789",
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration files share one database; run files one at a time to keep them independent.
    fileParallelism: false,
  },
});
