// A small pool of lint worker threads, one per core, kept warm between imports: starting
// a worker and importing Redocly into it costs ~0.4 s of CPU, paid once per worker.
// Idle workers are unref'd (they never keep a process alive, e.g. a test run) and end
// after a while, so an idle server gives their memory back.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { RawUniversalConfig } from "@redocly/openapi-core";
import type { LintProblem } from "./lint-report";
import { LINT_WORKER_SOURCE } from "./lint-worker-source";

export const LINT_POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));
const IDLE_MS = 10 * 60_000;

export type LintTask = {
  json: string;
  config: RawUniversalConfig;
  gate?: { ruleId: string; keys: string[]; owns: boolean };
  keepPaths?: string[];
  onlyRule?: string;
};

type Slot = { worker: Worker; warmed: Promise<void>; dead?: boolean; idleTimer?: NodeJS.Timeout };
const idle: Slot[] = [];
const busy = new Set<Slot>();
const waiting: ((slot: Slot) => void)[] = [];
let nextId = 0;

export async function runLintTask(task: LintTask): Promise<LintProblem[]> {
  const slot = await acquire();
  try {
    return await send(slot, task);
  } finally {
    release(slot);
  }
}

/**
 * Starts the workers and has each lint a synthetic document once (JIT warm-up, ~1 s of
 * CPU), so the next big import runs at full speed; for server start-up (instrumentation.ts).
 * Resolves when they are done (or failed: a failure shows on the first task, as without).
 */
export async function warmLintWorkers(): Promise<void> {
  while (idle.length + busy.size < LINT_POOL_SIZE) {
    const slot = startSlot();
    idle.push(slot);
    slot.idleTimer = setTimeout(() => void slot.worker.terminate(), IDLE_MS).unref();
    slot.warmed = new Promise<void>((resolve) => {
      slot.worker.on("message", (m: { id?: number }) => m.id === 0 && resolve()).once("exit", () => resolve());
    });
    slot.worker.postMessage({ warm: true }); // a task sent meanwhile queues behind it in the worker
  }
  await Promise.all([...idle, ...busy].map((slot) => slot.warmed));
}

function startSlot(): Slot {
  // Linting allocates short-lived objects at a high rate (walk locations, Ajv codegen); a
  // bigger young generation means fewer scavenges (~0.4 s less on GitHub's description).
  const worker = new Worker(LINT_WORKER_SOURCE, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  const ready = new Promise<void>((resolve) => {
    worker.on("message", (m: { loaded?: boolean }) => m.loaded && resolve());
    worker.once("exit", () => resolve());
  });
  const slot: Slot = { worker, warmed: ready };
  // Loading keeps the process alive (someone may be awaiting it); idle workers do not.
  void ready.then(() => slot.warmed).then(() => busy.has(slot) || worker.unref());
  // A worker that fails is never reused; the task in flight hears of it through send().
  slot.worker.on("error", () => (slot.dead = true));
  slot.worker.once("exit", () => drop(slot));
  return slot;
}

function acquire(): Promise<Slot> {
  const slot = idle.pop() ?? (busy.size < LINT_POOL_SIZE ? startSlot() : undefined);
  if (!slot) return new Promise((resolve) => waiting.push(resolve));
  return Promise.resolve(take(slot));
}

function take(slot: Slot): Slot {
  clearTimeout(slot.idleTimer);
  busy.add(slot);
  slot.worker.ref(); // a task in flight must keep the process alive until it answers
  return slot;
}

function release(slot: Slot): void {
  if (!busy.delete(slot) || slot.dead) return; // it died during the task
  const next = waiting.shift();
  if (next) return next(take(slot));
  slot.worker.unref();
  slot.idleTimer = setTimeout(() => void slot.worker.terminate(), IDLE_MS).unref();
  idle.push(slot);
}

function drop(slot: Slot): void {
  slot.dead = true;
  busy.delete(slot);
  const at = idle.indexOf(slot);
  if (at >= 0) idle.splice(at, 1);
  clearTimeout(slot.idleTimer);
  // Someone waiting for a slot gets a fresh worker instead of this one.
  const next = waiting.shift();
  if (next) next(take(startSlot()));
}

function send(slot: Slot, task: LintTask): Promise<LintProblem[]> {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const onMessage = (message: { id: number; problems?: LintProblem[]; error?: string }) => {
      if (message.id !== id) return;
      cleanup();
      if (message.problems) resolve(message.problems);
      else reject(new Error(`Lint worker failed: ${message.error}`));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`Lint worker exited with code ${code}`));
    };
    const cleanup = () => {
      slot.worker.off("message", onMessage).off("error", onError).off("exit", onExit);
    };
    slot.worker.on("message", onMessage).once("error", onError).once("exit", onExit);
    slot.worker.postMessage({ id, ...task });
  });
}
