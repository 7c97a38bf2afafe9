// Linting a big document (GitHub's: ~3 s, mostly example validation) in a worker thread,
// so it runs on the second core while the main thread bundles and writes the database.
// The worker is inline source (not a file) so the Next.js bundler leaves it alone; it
// loads @redocly/openapi-core from node_modules (a server-external package).
import { Worker } from "node:worker_threads";
import { rawLintConfig, resolveLintConfig, type LintSettings } from "./lint-config";
import { toLintReport, type LintProblem, type LintReport } from "./lint-report";

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const { createConfig, lintDocument, BaseResolver, Source } = await import("@redocly/openapi-core");
  class LocalOnlyResolver extends BaseResolver {
    async loadExternalRef(ref) { throw new Error("External $ref not allowed: " + ref); }
  }
  const config = await createConfig(workerData.config, { externalRefResolver: new LocalOnlyResolver() });
  const document = { source: new Source("/openapi.json", workerData.json), parsed: JSON.parse(workerData.json) };
  const found = await lintDocument({ document, config, externalRefResolver: new LocalOnlyResolver() });
  const problems = [];
  for (const p of found) {
    if (p.severity !== "error" && p.severity !== "warn") continue;
    problems.push({ ruleId: p.ruleId, severity: p.severity, message: p.message, pointer: p.location[0]?.pointer ?? "" });
  }
  parentPort.postMessage({ problems });
})().catch((err) => parentPort.postMessage({ error: String((err && err.stack) || err) }));
`;

/** `json` is the document as JSON text (the worker's own parse runs on the other core). */
export async function lintInWorker(json: string, settings: LintSettings): Promise<LintReport> {
  await resolveLintConfig(settings); // validates a custom config here, with our error messages
  const problems = await new Promise<LintProblem[]>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { json, config: rawLintConfig(settings) } });
    worker.once("message", (message: { problems?: LintProblem[]; error?: string }) => {
      void worker.terminate();
      if (message.problems) resolve(message.problems);
      else reject(new Error(`Lint worker failed: ${message.error}`));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`Lint worker exited with code ${code}`)));
  });
  return toLintReport(settings.ruleset, problems);
}
