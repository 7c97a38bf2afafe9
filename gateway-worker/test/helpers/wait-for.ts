// Retries an assertion until it passes or the deadline expires, for effects
// that arrive asynchronously (a published config reaching a running gateway).
export async function waitFor<T>(check: () => Promise<T>, timeoutMs = 3000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() >= deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
