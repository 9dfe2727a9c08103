/**
 * The warehouse's slots: at most `limit` queries run at once, the rest wait in submission
 * order. A waiting query can be taken out of the line (cancelled) at any time.
 */
export class QueryQueue {
  private running = 0;
  /** Insertion-ordered, so the first entry is the longest waiting. */
  private readonly waiting = new Map<string, () => Promise<void>>();

  constructor(private readonly limit: number) {}

  /** Queue `run`; it starts as soon as a slot is free (possibly before this returns). */
  enqueue(queryId: string, run: () => Promise<void>): void {
    this.waiting.set(queryId, run);
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

  private pump(): void {
    while (this.running < this.limit && this.waiting.size > 0) {
      const [queryId, run] = this.waiting.entries().next().value as [string, () => Promise<void>];
      this.waiting.delete(queryId);
      this.running += 1;
      void run()
        .catch((error: unknown) => reportCrash(queryId, error))
        .finally(() => {
          this.running -= 1;
          this.pump();
        });
    }
  }
}

function reportCrash(queryId: string, error: unknown): void {
  console.error(`local warehouse: query ${queryId} crashed its runner:`, error);
}
