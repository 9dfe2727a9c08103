/**
 * One writer at a time per table for UPDATE, DELETE and MERGE, as Snowflake's table locks
 * allow. DuckDB would run two MERGEs on one table side by side, each on its own snapshot, so
 * both could insert the same new key; taken in turn, the second sees the first's rows.
 */
export class TableWriteLocks {
  /** The last holder's release, per table: each new holder waits for the one before it. */
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `fn` holding `table`'s lock; `signal` abandons the wait (the promise rejects). */
  async withLock<T>(table: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    const before = this.tails.get(table) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = before.then(() => mine);
    this.tails.set(table, tail);
    try {
      await waitUnlessAborted(before, signal);
      return await fn();
    } finally {
      release();
      if (this.tails.get(table) === tail) this.tails.delete(table);
    }
  }
}

function waitUnlessAborted(promise: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const abandon = () => reject(signal.reason);
    signal.addEventListener('abort', abandon, { once: true });
    promise.then(() => {
      signal.removeEventListener('abort', abandon);
      resolve();
    });
  });
}
