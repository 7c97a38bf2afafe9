// Lint and the import boundaries of the tree (`npm run lint`, part of `npm test`).
// Two rules share the boundaries, each doing what the other cannot: `import/no-restricted-paths`
// resolves every specifier (`@/…` aliases and `../` climbs alike) to a file and refuses files of
// forbidden folders; `@typescript-eslint/no-restricted-imports` reads the specifier itself, so it
// catches packages (which resolve into node_modules) and tells `import type` from a value import.
// Flat config replaces, not merges, a rule's options when two blocks match one file, so a nested
// folder's block restates the restrictions of the folder around it.
import { defineConfig, globalIgnores } from "eslint/config";
// Next's own rules (React, hooks, a11y, core web vitals) and typescript-eslint's recommended set.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const restrictImports = "@typescript-eslint/no-restricted-imports";

const gatewayAlone =
  "The gateway runs alone: gateway-worker/ imports nothing of the console (no @/…, no Next, no Prisma, no React).";
const contractAlone =
  "The config contract is shared by the console and the gateway: it imports only zod, @bufbuild/cel, node: built-ins and its own folder.";
const libBelowUi = "lib/ holds the domain: it imports nothing from app/ or components/ (pass values in instead).";
const componentsTypesOnly =
  "components/ import only types from lib/ (`import type`), or values from lib/client/: server code must not reach the browser.";
const clientTypesOnly = "lib/client/ runs in the browser: from the rest of lib/ it imports only types (`import type`).";

// Files of the console are refused by the resolved-paths zones; these are its packages.
const gatewayPatterns = [
  {
    group: ["@prisma/*", "next", "next/*", "next-auth", "next-auth/*", "react", "react-dom", "react/*", "@tanstack/*", "server-only"],
    message: gatewayAlone,
  },
];

// lib/client may climb only within itself: at `depth` folders below lib/client/, `depth + 1`
// times `../` lands in lib/, so anything there but client/ is the rest of lib. Deeper files
// keep the alias check of the first block.
const clientAlias = { regex: "^@/lib/(?!client(/|$))", allowTypeImports: true, message: clientTypesOnly };
const clientBlocks = [
  { name: "boundaries/lib-client", files: ["lib/client/**"], rules: { [restrictImports]: ["error", { patterns: [clientAlias] }] } },
  ...[0, 1, 2, 3].map((depth) => ({
    name: `boundaries/lib-client-depth-${depth}`,
    files: [`lib/client/${"*/".repeat(depth)}*.{ts,tsx}`],
    rules: {
      [restrictImports]: [
        "error",
        {
          patterns: [
            clientAlias,
            { regex: `^(\\.\\./){${depth + 1}}(?!client(/|$))`, allowTypeImports: true, message: clientTypesOnly },
          ],
        },
      ],
    },
  })),
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "**/dist/**",
    "generated/**",
    "**/generated/**",
    "playwright-report/**",
    "test-results/**",
    "playwright/.auth/**",
    ".portcullis/**",
    "next-env.d.ts",
  ]),
  {
    name: "portcullis/conventions",
    rules: {
      // A leading underscore marks a deliberately unused binding (it.each labels, omitted rest siblings).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // No React runs here: test helpers named like vitest's own `use…` setup functions are not hooks.
    name: "portcullis/not-react",
    files: ["test/**", "**/*.test.ts", "gateway-worker/**", "scripts/**", "prisma/**", "bench/**", "demo-backend/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    name: "boundaries/resolved-paths",
    files: ["**/*.{ts,tsx,mts,cts,js,mjs}"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          basePath: import.meta.dirname,
          zones: [
            { target: "./gateway-worker", from: "./", except: ["./gateway-worker", "./node_modules"], message: gatewayAlone },
            {
              target: "./gateway-worker/src/contract",
              from: "./gateway-worker",
              except: ["./src/contract", "./node_modules"],
              message: contractAlone,
            },
            { target: "./lib", from: ["./app", "./components"], message: libBelowUi },
          ],
        },
      ],
    },
  },
  {
    name: "boundaries/gateway",
    files: ["gateway-worker/**"],
    rules: { [restrictImports]: ["error", { patterns: gatewayPatterns }] },
  },
  {
    name: "boundaries/contract",
    files: ["gateway-worker/src/contract/**"],
    rules: {
      [restrictImports]: [
        "error",
        // @bufbuild/cel: access rules (contract/access-rules.ts) must compile with the same CEL environment
        // in the console (validation at save time, the rule tester) as in the gateway.
        { patterns: [...gatewayPatterns, { regex: "^(?!zod(/|$)|@bufbuild/cel(/|$)|node:|\\.)", message: contractAlone }] },
      ],
    },
  },
  ...clientBlocks,
  {
    name: "boundaries/components",
    files: ["components/**"],
    rules: {
      [restrictImports]: [
        "error",
        {
          patterns: [
            { regex: "^@/lib/(?!client(/|$))", allowTypeImports: true, message: componentsTypesOnly },
            { regex: "^(\\.\\./)+lib/(?!client(/|$))", allowTypeImports: true, message: componentsTypesOnly },
          ],
        },
      ],
    },
  },
]);
