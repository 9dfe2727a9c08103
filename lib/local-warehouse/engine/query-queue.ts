/**
 * The warehouse's slots. At most `limit` queries run at once (the engine's DuckDB connections),
 * and at most `levelOf(w)` of them for warehouse `w` (its MAX_CONCURRENCY_LEVEL). The rest wait
 * in submission order; a query whose warehouse is at its level lets later queries of other
 * warehouses pass, so one busy warehouse never holds up another. A waiting query can be taken
 * out of the line (cancelled) at any time.
 */
interface Waiting {
  warehouse: string;
  run: () => Promise<void>;
}

export interface WarehouseLoad {
  running: number;
  queued: number;
}

export class QueryQueue {
  private running = 0;
  private readonly runningIn = new Map<string, number>();
  /** Insertion-ordered, so the first entry is the longest waiting. */
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly limit: number,
    private readonly levelOf: (warehouse: string) => number,
  ) {}

  /** Queue `run` on `warehouse`; it starts as soon as a slot is free (possibly before this returns). */
  enqueue(queryId: string, warehouse: string, run: () => Promise<void>): void {
    this.waiting.set(queryId, { warehouse, run });
    this.pump();
  }

  /** Run `run` at once, outside the slots (statements Snowflake answers without a warehouse). */
  runOutsideSlots(queryId: string, run: () => Promise<void>): void {
    void run().catch((error: unknown) => reportCrash(queryId, error));
  }

  /** Take a waiting query out of the line; false when it is not waiting. */
  remove(queryId: string): boolean {
    return this.waiting.delete(queryId);
  }

  /** Starts what a raised (or dropped) concurrency level now lets run. */
  levelsChanged(): void {
    this.pump();
  }

  /** Queries running in and waiting for `warehouse`'s slots. */
  load(warehouse: string): WarehouseLoad {
    const queued = [...this.waiting.values()].filter((query) => query.warehouse === warehouse).length;
    return { running: this.runningIn.get(warehouse) ?? 0, queued };
  }

  private pump(): void {
    for (const [queryId, query] of this.waiting) {
      if (this.running >= this.limit) return;
      const { warehouse, run } = query;
      const busy = this.runningIn.get(warehouse) ?? 0;
      if (busy >= this.levelOf(warehouse)) continue;
      this.waiting.delete(queryId);
      this.running += 1;
      this.runningIn.set(warehouse, busy + 1);
      void run()
        .catch((error: unknown) => reportCrash(queryId, error))
        .finally(() => {
          this.running -= 1;
          const left = (this.runningIn.get(warehouse) ?? 1) - 1;
          if (left > 0) this.runningIn.set(warehouse, left);
          else this.runningIn.delete(warehouse);
          this.pump();
        });
    }
  }
}

function reportCrash(queryId: string, error: unknown): void {
  console.error(`local warehouse: query ${queryId} crashed its runner:`, error);
}
