// Named, timed phases of an import, reported as they happen: the console shows them as
// progress for big specs and `npm run bench:import` prints them.
export type ImportPhase = "fetch" | "parse" | "lint" | "bundle" | "operations" | "store" | "publish";
export type PhaseEvent = { phase: ImportPhase; status: "start" | "done"; ms?: number };
export type PhaseListener = (event: PhaseEvent) => void;

export function timePhase(listener?: PhaseListener) {
  // Reporting progress must never change the outcome of the work it reports on.
  const report = (event: PhaseEvent) => {
    try {
      listener?.(event);
    } catch {
      /* a failing listener is the listener's problem */
    }
  };
  return async function phase<T>(name: ImportPhase, run: () => Promise<T>): Promise<T> {
    report({ phase: name, status: "start" });
    const started = performance.now();
    const result = await run();
    report({ phase: name, status: "done", ms: Math.round(performance.now() - started) });
    return result;
  };
}
