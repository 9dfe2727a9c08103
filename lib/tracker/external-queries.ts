import 'server-only';
/**
 * The queries other clients ran on the warehouse, brought into the registry so the Jobs table
 * shows them too: one QUERY_HISTORY read per round, every few seconds, covering what ended since
 * the last read (reads overlap a little) and whatever is still under way. The registry records
 * each query once, whatever the overlap or a restart reads again; the tracker then follows the
 * unfinished ones exactly like Flurry's own.
 */
import type { Job } from '@/lib/domain/job';
import type { Registry } from '@/lib/registry/registry';
import type { WarehouseCalls } from '@/lib/warehouse/calls';

export interface ExternalQueriesOptions {
  /** Milliseconds between history reads (default 10 s). */
  everyMs?: number;
  /**
   * Reads are due only while this holds (on a Snowflake account: while a page is open, see
   * lib/config/external-queries.ts). Absent: always.
   */
  onlyWhile?: () => boolean;
}

/**
 * A history read is a query, unlike a status poll: on a Snowflake account it needs a running
 * warehouse. Every 10 s is soon enough for work someone else started.
 */
const EVERY_MS = 10_000;
/**
 * Each read goes back this far before the previous one began, so a query that ended while a
 * read ran, or on a warehouse clock a little ahead of the dashboard's, is still found.
 */
const OVERLAP_MS = 15_000;
/** How far back the first read after the dashboard starts looks. */
const LOOKBACK_MS = 60 * 60_000;
/** Rows per read at most (Snowflake's largest RESULT_LIMIT). */
const RESULT_LIMIT = 10_000;

export class ExternalQueryImport {
  private lastReadAt: number | null = null;
  private nextReadAt = 0;
  private inFlight = false;
  /** What the last read found: a query still running is found again every round, and only new ones need a registry write. */
  private seen = new Set<string>();
  private readonly everyMs: number;
  private readonly onlyWhile: () => boolean;

  constructor(
    private readonly registry: Registry,
    private readonly warehouse: WarehouseCalls,
    options: ExternalQueriesOptions,
  ) {
    this.everyMs = options.everyMs ?? EVERY_MS;
    this.onlyWhile = options.onlyWhile ?? (() => true);
  }

  /**
   * When the next read is due: never while one is in flight, nor while its condition does not
   * hold. The tracker's loop asks again on each of its rounds (a heartbeat at least every 5 s),
   * so a page that opens gets its first read within a round.
   */
  get dueAt(): number {
    return this.inFlight || !this.onlyWhile() ? Infinity : this.nextReadAt;
  }

  /** Reads the history once and records the queries it had not; resolves with their jobs. */
  async importNew(now: number): Promise<Job[]> {
    this.inFlight = true;
    try {
      const since = (this.lastReadAt ?? now - LOOKBACK_MS) - OVERLAP_MS;
      const found = await this.warehouse.externalQueries(since, RESULT_LIMIT);
      const recorded = await this.registry.importExternalQueries(found.filter((query) => !this.seen.has(query.queryId)));
      this.seen = new Set(found.map((query) => query.queryId));
      this.lastReadAt = now;
      return recorded;
    } finally {
      this.inFlight = false;
      this.nextReadAt = Date.now() + this.everyMs;
    }
  }
}
