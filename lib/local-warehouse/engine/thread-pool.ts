/**
 * @duckdb/node-api runs every statement on libuv's thread pool (4 threads unless
 * UV_THREADPOOL_SIZE says otherwise), and a statement holds its thread until it finishes. With
 * fewer threads than the warehouse's concurrency, "running" queries would wait for a thread,
 * and the engine's own history writes and result reads (and Node's file I/O) would stall
 * behind them. The process entry must set UV_THREADPOOL_SIZE to at least this before anything
 * uses the pool (libuv reads it once, at first use).
 */

/** Threads kept free for history writes, result reads, the sweeper and Node's own I/O. */
const HEADROOM = 4;

export function threadPoolSizeFor(concurrency: number): number {
  // libuv caps the pool at 1024 threads.
  return Math.min(1024, concurrency + HEADROOM);
}
