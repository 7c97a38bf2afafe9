// Whether this gateway should receive traffic (/readyz): every registered check
// must pass. The gateway registers "config" (a config is loaded); other parts
// add their own, e.g. the limiter: usable, or failing open by configuration.
// A check that throws or takes too long counts as not ready.

export interface ReadinessResult {
  ready: boolean;
  /** Why not, for the operator reading /readyz. */
  detail?: string;
}

export interface ReadinessCheck {
  name: string;
  check(): ReadinessResult | Promise<ReadinessResult>;
}

const CHECK_TIMEOUT_MS = 1_000;

export class Readiness {
  private readonly checks: ReadinessCheck[] = [];

  add(check: ReadinessCheck): void {
    if (this.checks.some((c) => c.name === check.name)) throw new Error(`readiness check '${check.name}' is already registered`);
    this.checks.push(check);
  }

  async evaluate(): Promise<{ ready: boolean; checks: Record<string, ReadinessResult> }> {
    const results = await Promise.all(this.checks.map(async (c) => [c.name, await runCheck(c)] as const));
    return { ready: results.every(([, r]) => r.ready), checks: Object.fromEntries(results) };
  }
}

async function runCheck(c: ReadinessCheck): Promise<ReadinessResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadinessResult>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve().then(() => c.check()), timeout]);
  } catch (err) {
    return { ready: false, detail: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
