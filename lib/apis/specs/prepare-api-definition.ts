// The whole import pipeline for one document: read (text or URL) -> parse once -> recognise
// (Swagger 2.0 converted) -> lint with the workspace ruleset -> bundle -> read operations.
// Used by first imports, dry runs (validate) and re-imports (revisions).
import { ApiError } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import { bundleOpenApiDocument } from "./bundle-openapi-document";
import { extractOperations, type ExtractedOperation } from "./extract-operations";
import type { FetchSpecPolicy } from "./fetch-spec-url";
import type { LintSettings } from "./lint-config";
import { lintInWorker } from "./lint-in-worker";
import { lintOpenApiDocument } from "./lint-openapi";
import type { LintReport } from "./lint-report";
import { loadOpenApiDocument } from "./load-openapi-document";
import { timePhase, type PhaseListener } from "./import-phases";
import { readSpecSource, type SpecSource } from "./spec-source";

export type PreparedApiDefinition = {
  /** The bundled OpenAPI 3.x document (local $refs resolved). */
  document: Record<string, unknown>;
  specVersion: string;
  title: string;
  version: string;
  operations: ExtractedOperation[];
  lint: LintReport;
  /** "openapi-3.0", "openapi-3.1", "openapi-3.2" or "swagger-2.0" when converted. */
  sourceFormat: string;
};

export type PrepareOptions = {
  /** Defaults to the workspace settings. */
  lint?: LintSettings;
  importPolicy?: FetchSpecPolicy;
  onPhase?: PhaseListener;
};

/** Above this, lint runs on the worker pool (sharded across the cores) while we bundle; below, workers cost more than they save. */
const WORKER_LINT_MIN_CHARS = 1_000_000;

export type StartedApiDefinition = Omit<PreparedApiDefinition, "lint"> & {
  /** Big documents are still being linted on the other core; callers may store the rest meanwhile. */
  lint: Promise<LintReport>;
};

export async function prepareApiDefinition(source: string | SpecSource, options: PrepareOptions = {}): Promise<PreparedApiDefinition> {
  const started = await startApiDefinition(source, options);
  return { ...started, lint: await started.lint };
}

/** Like prepareApiDefinition, but answers as soon as the document is usable, with lint still running. */
export async function startApiDefinition(source: string | SpecSource, options: PrepareOptions = {}): Promise<StartedApiDefinition> {
  const settings = options.lint && options.importPolicy ? null : await getWorkspaceSettings();
  const lintSettings = options.lint ?? settings!.lint;
  const policy = options.importPolicy ?? settings!.import;
  const phase = timePhase(options.onPhase);

  const spec: SpecSource = typeof source === "string" ? { text: source } : source;
  const text = "url" in spec ? await phase("fetch", () => readSpecSource(spec, policy)) : await readSpecSource(spec, policy);
  const loaded = await phase("parse", () => loadOpenApiDocument(text, policy.maxSpecBytes));

  let lint: Promise<LintReport>;
  let document: Record<string, unknown>;
  if (text.length >= WORKER_LINT_MIN_CHARS) {
    // Workers parse their own copies, so Redocly's in-place bundling here cannot race them;
    // lintInWorker reads `parsed` synchronously, before bundle starts.
    const linting = phase("lint", () => lintInWorker(loaded.json(), loaded.redocly.parsed, lintSettings));
    linting.catch(() => undefined); // awaited by the caller; a bundle refusal must not leave it unhandled
    document = await phase("bundle", () => bundleOpenApiDocument(loaded.redocly));
    // A worker that cannot start (unusual runtime) must not fail the import: lint here instead.
    lint = linting.catch((err: unknown) => {
      if (err instanceof ApiError) throw err;
      logger().warn({ err: (err as Error).message }, "lint worker unavailable, linting in-process");
      return lintOpenApiDocument({ source: loaded.redocly.source, parsed: document }, lintSettings);
    });
  } else {
    const report = await phase("lint", () => lintOpenApiDocument(loaded.redocly, lintSettings));
    lint = Promise.resolve(report);
    document = await phase("bundle", () => bundleOpenApiDocument(loaded.redocly));
  }
  const operations = await phase("operations", async () => extractOperations(document));
  return {
    document,
    specVersion: loaded.specVersion,
    title: loaded.title,
    version: loaded.version,
    operations,
    lint,
    sourceFormat: loaded.sourceFormat,
  };
}
