// Connection reuse towards backends, shared by every agent the gateway makes.
/**
 * Node's agent honours a backend's `Keep-Alive: timeout=N` hint (closing an idle
 * connection a second before the backend would) only when it has a timeout of its
 * own: without one it keeps idle connections until the backend closes them, and a
 * request sent as it does fails with ECONNRESET. Idle connections without a hint
 * close after this long.
 */
export const KEEP_ALIVE = { keepAlive: true, timeout: 60_000 } as const;
