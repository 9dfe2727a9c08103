import 'server-only';
/**
 * The queries other clients ran on the warehouse, brought into the registry so the Jobs table
 * shows them too: one QUERY_HISTORY read per round, every few seconds, covering what ended since
 * the last read (reads overlap a little) and whatever is still under way. The registry records
 * each query once, whatever the overlap or a restart reads again; the tracker then follows the
 * unfinished ones exactly like Flurry's own.
 */
import type { Job } from '@/lib/domain/job';
import { isWarehouseUnavailableError } from '@/lib/warehouse/errors';
import type { Clock, Health, LoopPart, PublishJobs, TrackerStore, TrackerWarehouse } from './ports';
import type { RefusedReads } from './refused-reads';

export interface ExternalQueriesOptions {
  /** Milliseconds between history reads (default 10 s). */
  everyMs?: number;
  /**
   * Reads are due only while this holds (on a Snowflake account: while a page is open, see
   * lib/config/external-queries.ts). Absent: always.
   */
  onlyWhile?: () => boolean;
}

export interface ExternalQueryPorts {
  store: Pick<TrackerStore, 'importExternalQueries'>;
  warehouse: Pick<TrackerWarehouse, 'externalQueries'>;
  clock: Clock;
  health: Health;
  publish: PublishJobs;
  /** Hands the imported queries still under way to the pollers. */
  track: (jobs: readonly Job[]) => void;
  refusals: RefusedReads;
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

export class ExternalQueryImport implements LoopPart {
  private lastReadAt: number | null = null;
  private nextReadAt = 0;
  private inFlight = false;
  /** What the last read found: a query still running is found again every round, and only new ones need a registry write. */
  private seen = new Set<string>();
  private readonly everyMs: number;
  private readonly onlyWhile: () => boolean;

  constructor(
    private readonly ports: ExternalQueryPorts,
    options: ExternalQueriesOptions,
  ) {
    this.everyMs = options.everyMs ?? EVERY_MS;
    this.onlyWhile = options.onlyWhile ?? (() => true);
  }

  /**
   * When the next read is due: never while one is in flight, nor while its condition does not
   * hold. The loop asks again on each of its rounds (a heartbeat at least every 5 s), so a page
   * that opens gets its first read within a round.
   */
  dueAt(): number {
    return this.inFlight || !this.onlyWhile() ? Infinity : this.nextReadAt;
  }

  /** Records the queries other clients started since the last read, and watches those still under way. */
  async run(now: number): Promise<void> {
    const { health, refusals, publish, track } = this.ports;
    let found: Job[];
    try {
      found = await this.importNew(now);
    } catch (error) {
      if (isWarehouseUnavailableError(error)) health.note(error);
      else if (refusals.worthReporting('query history', error)) console.error('[flurry] could not read the queries other clients ran:', error);
      return;
    }
    health.note(null);
    publish(found);
    track(found);
  }

  /** Reads the history once and records the queries it had not; resolves with their jobs. */
  private async importNew(now: number): Promise<Job[]> {
    this.inFlight = true;
    try {
      const since = (this.lastReadAt ?? now - LOOKBACK_MS) - OVERLAP_MS;
      const found = await this.ports.warehouse.externalQueries(since, RESULT_LIMIT);
      const recorded = await this.ports.store.importExternalQueries(found.filter((query) => !this.seen.has(query.queryId)));
      this.seen = new Set(found.map((query) => query.queryId));
      this.lastReadAt = now;
      return recorded;
    } finally {
      this.inFlight = false;
      this.nextReadAt = this.ports.clock.now() + this.everyMs;
    }
  }
}
