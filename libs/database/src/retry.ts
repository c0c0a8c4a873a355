/** PostgreSQL's "try again" failures: a deadlock victim or a serialisation failure. */
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Runs a whole transaction again when PostgreSQL chose it as a deadlock victim or could not serialise it.
 * Safe only for a function that opens its own transaction and has no effect outside it (no queue, no
 * mail): everything it did was rolled back, so running it again is running it once.
 */
export async function retryTransaction<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { driverError?: { code?: string } }).driverError?.code;
      if (i >= attempts || !code || !RETRYABLE.has(code)) throw err;
      await new Promise((r) => setTimeout(r, 10 * i + Math.floor(Math.random() * 20)));
    }
  }
}
