// Named, timed phases of an import, reported as they happen: the console shows them as
// progress for big specs and `npm run bench:import` prints them.
export type ImportPhase = "fetch" | "parse" | "lint" | "bundle" | "operations" | "store" | "publish";
export type PhaseEvent = { phase: ImportPhase; status: "start" | "done"; ms?: number };
export type PhaseListener = (event: PhaseEvent) => void;

export function timePhase(listener?: PhaseListener) {
  return async function phase<T>(name: ImportPhase, run: () => Promise<T>): Promise<T> {
    listener?.({ phase: name, status: "start" });
    const started = performance.now();
    const result = await run();
    listener?.({ phase: name, status: "done", ms: Math.round(performance.now() - started) });
    return result;
  };
}
