import 'server-only';
/**
 * Follows submitted queries through the monitoring API (no warehouse time): each is polled when
 * the poll schedule says so (lib/domain/poll-schedule.ts), faster while it is young or a sequence
 * waits on it, and backs off while its status cannot be read. What changed goes to the registry
 * and the event bus; a query that ended is let go and handed back to the loop.
 */
import type { Job } from '@/lib/domain/job';
import { backoffDelay, pollDelay } from '@/lib/domain/poll-schedule';
import { isTerminal } from '@/lib/domain/status';
import { isWarehouseUnavailableError } from '@/lib/warehouse/errors';
import type { StatusChange } from '@/lib/registry/types';
import { outcomesOf } from './outcomes';
import type { BacksOff, Clock, EndedJob, Health, LoopPart, PublishJobs, TrackerStore, TrackerWarehouse } from './ports';
import { WatchList, type Watched } from './watch-list';

export interface QueryPollerPorts {
  store: Pick<TrackerStore, 'recordStatusChanges'>;
  warehouse: Pick<TrackerWarehouse, 'queryStatuses'>;
  clock: Clock;
  health: Health;
  publish: PublishJobs;
  /** Status requests in flight at once. */
  parallelism: number;
}

/** A query that just started is polled as often as a new one (`changedAt`). */
interface WatchedQuery extends Watched {
  /** A statement of a sequence: the next one starts when it ends, so its end is looked for often. */
  inSequence: boolean;
}

/** A just-submitted query the monitoring API does not know yet is not taken for lost. */
export const NOT_YET_VISIBLE_MS = 30_000;
export const NO_QUERY_DATA = 'NO_QUERY_DATA';

export class QueryPoller implements LoopPart, BacksOff {
  private readonly watched = new WatchList<WatchedQuery>();

  constructor(private readonly ports: QueryPollerPorts) {}

  get size(): number {
    return this.watched.size;
  }

  /** Starts watching the submitted, unfinished queries among `jobs` (others are ignored). */
  track(jobs: readonly Job[], now: number): void {
    for (const job of jobs) {
      if (job.kind !== 'query' || !job.queryId || isTerminal(job.phase) || this.watched.has(job.id)) continue;
      this.watched.add({
        jobId: job.id,
        queryId: job.queryId,
        rawStatus: job.rawStatus,
        changedAt: job.updatedAt,
        inSequence: job.batchMode === 'sequence',
        nextPollAt: now,
        failures: 0,
      });
    }
  }

  /** Polls these jobs at the next opportunity (e.g. right after asking to cancel them). */
  pollSoon(jobIds: readonly string[]): void {
    this.watched.pollSoon(jobIds);
  }

  dueAt(): number {
    return this.watched.dueAt();
  }

  /** Polls every due query; returns the jobs that ended. */
  async run(now: number): Promise<EndedJob[]> {
    const due = this.watched.all().filter((w) => w.nextPollAt <= now);
    if (due.length === 0) return [];
    const { warehouse, store, clock, parallelism } = this.ports;
    const polls = await outcomesOf(
      due,
      warehouse.queryStatuses(
        due.map((watched) => watched.queryId),
        parallelism,
      ),
    );

    const changes: StatusChange[] = [];
    let unavailable: Error | null = null;
    for (const { item: watched, value: report, failure } of polls) {
      if (failure) {
        if (isWarehouseUnavailableError(failure)) unavailable = failure;
        else console.error(`[flurry] status of query ${watched.queryId} could not be read:`, failure);
        watched.failures++;
        watched.nextPollAt = now + backoffDelay(watched.failures);
        continue;
      }
      watched.failures = 0;
      const notYetVisible = report.status === NO_QUERY_DATA && now - watched.changedAt < NOT_YET_VISIBLE_MS;
      if (report.status !== watched.rawStatus && !notYetVisible) {
        watched.changedAt = now;
        changes.push({ jobId: watched.jobId, rawStatus: report.status, at: clock.now(), errorCode: report.errorCode, errorMessage: report.errorMessage });
      }
      watched.nextPollAt = now + pollDelay(now - watched.changedAt, watched.inSequence);
    }
    this.ports.health.note(polls.some((poll) => poll.value) ? null : unavailable);

    const changed = await store.recordStatusChanges(changes);
    this.ports.publish(changed);
    return this.watched.settle(changed).map(({ job }): EndedJob => ({ job, containers: null }));
  }

  resume(now: number): void {
    this.watched.resume(now);
  }
}
