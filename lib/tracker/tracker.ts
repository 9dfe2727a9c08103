import 'server-only';
/**
 * ONE loop per server for all active work, whatever the number of open tabs. It asks each of its
 * parts when it next has work, sleeps until the earliest, and runs what is due:
 * - ./query-poller.ts polls queries through the monitoring API on the poll schedule;
 * - ./service-poller.ts follows job services (SHOW JOB SERVICES, once a round for all of them);
 * - ./batch-submitter.ts submits WAITING statements and moves sequences on when one ends;
 * - ./reconciler.ts replaces ended jobs' times with the warehouse's own records;
 * - ./external-queries.ts (with externalQueries) brings in the queries other clients ran;
 * - ./outage.ts reports whether the warehouse answers, sends the heartbeat, and makes everything
 *   backing off due at once when an outage ends.
 * The parts write what changed to the registry and publish it on the event bus through the loop.
 *
 * Everything it needs is in the registry, so a new tracker (after a dashboard restart) picks up
 * where the last one stopped. The polls run within a round; the submissions, history reads and
 * the heartbeat run beside it, so a slow read or an unreachable warehouse never holds up a poll.
 */
import type { Job } from '@/lib/domain/job';
import type { EventBus } from './events';
import { BatchSubmitter } from './batch-submitter';
import { ExternalQueryImport, type ExternalQueriesOptions } from './external-queries';
import { Outage } from './outage';
import type { Clock, Health, LoopPart, TrackerStore, TrackerWarehouse } from './ports';
import { QueryPoller } from './query-poller';
import { Reconciler } from './reconciler';
import { RefusedReads } from './refused-reads';
import { ServicePoller } from './service-poller';
import { systemClock } from './system-clock';

export interface TrackerOptions {
  /** The registry (only the methods in TrackerStore are used). */
  registry: TrackerStore;
  /** The warehouse calls (only those in TrackerWarehouse are used). */
  warehouse: TrackerWarehouse;
  bus: EventBus;
  /**
   * Status requests in flight at once (default 100). Each is a cheap GET that costs no warehouse
   * time; with fewer in flight, a tick over a large batch takes several round trips and a query's
   * end reaches the page later (bench/batch-latency.ts: p95 ≈ 310 ms at 32, ≈ 220 ms at 100).
   */
  parallelism?: number;
  /** Import the queries other clients ran, from the warehouse's query history; off when absent. */
  externalQueries?: ExternalQueriesOptions;
  /** The system clock when absent; tests pass one that moves only when told. */
  clock?: Clock;
}

const DEFAULT_PARALLELISM = 100;

export class Tracker {
  private readonly clock: Clock;
  private readonly queries: QueryPoller;
  private readonly services: ServicePoller;
  private readonly submitter: BatchSubmitter;
  private readonly reconciler: Reconciler;
  private readonly external: ExternalQueryImport | null;
  private readonly outage: Outage;
  /** Work a round started and does not wait for (submissions, history reads, the heartbeat). */
  private readonly background = new Set<Promise<unknown>>();
  private cancelTimer: (() => void) | null = null;
  private timerDueAt = Infinity;
  private ticking: Promise<void> | null = null;
  private running = false;

  constructor(private readonly options: TrackerOptions) {
    const { registry: store, warehouse, bus, parallelism = DEFAULT_PARALLELISM, clock = systemClock } = options;
    this.clock = clock;
    const health: Health = { note: (outage) => this.outage.note(outage) };
    const publish = (jobs: readonly Job[]) => this.publish(jobs);
    const track = (jobs: readonly Job[]) => this.track(jobs);
    const wake = () => this.wake();
    const refusals = new RefusedReads();
    this.queries = new QueryPoller({ store, warehouse, clock, health, publish, parallelism });
    this.services = new ServicePoller({ store, warehouse, clock, health, publish, refusals, parallelism });
    this.submitter = new BatchSubmitter({ store, warehouse, clock, health, publish, track, wake });
    this.reconciler = new Reconciler({ store, warehouse, clock, publish, refusals });
    const { externalQueries } = options;
    this.external = externalQueries ? new ExternalQueryImport({ store, warehouse, clock, health, publish, track, refusals }, externalQueries) : null;
    this.outage = new Outage({ warehouse, bus, clock, backingOff: [this.queries, this.services, this.submitter], wake });
  }

  /** Loads every unfinished job from the registry and starts the loop. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const { registry } = this.options;
    const [active, unreconciled] = await Promise.all([registry.listActiveJobs(), registry.listUnreconciled()]);
    const now = this.clock.now();
    this.track(active);
    for (const job of unreconciled) this.reconciler.add(job, null, now);
    this.submitter.markDue(active.flatMap((job) => (job.queryId ? [] : [job.batchId])), now);
    this.wake();
  }

  /** Stops the loop and waits for the work in flight; the registry keeps the rest. */
  async stop(): Promise<void> {
    this.running = false;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.ticking;
    await Promise.all([...this.background, this.submitter.idle()]);
  }

  /** Jobs the tracker is watching now. */
  get watchedCount(): number {
    return this.queries.size + this.services.size;
  }

  /** Starts watching submitted, unfinished jobs (others are ignored). */
  track(jobs: readonly Job[]): void {
    const now = this.clock.now();
    this.queries.track(jobs, now);
    this.services.track(jobs, now);
    this.wake();
  }

  /** Polls these jobs at the next opportunity (e.g. right after asking to cancel them). */
  pollSoon(jobIds: readonly string[]): void {
    this.queries.pollSoon(jobIds);
    this.services.pollSoon(jobIds);
    this.wake();
  }

  /** Submits a batch's due WAITING statements and skips what a failure made pointless (./batch-submitter.ts). */
  advanceBatch(batchId: string): Promise<Job[]> {
    return this.submitter.advanceBatch(batchId);
  }

  /** Cancels never-submitted jobs and skips what follows them; resolves with the ids it cancelled. */
  cancelWaiting(jobIds: readonly string[]): Promise<string[]> {
    return this.submitter.cancelWaiting(jobIds);
  }

  private parts(): LoopPart[] {
    return [this.queries, this.services, this.submitter, this.reconciler, ...(this.external ? [this.external] : []), this.outage];
  }

  /**
   * Sets the timer for the earliest part's work, unless one is set for sooner. During a round it
   * does nothing: the round's end asks every part again.
   */
  private wake(): void {
    if (!this.running || this.ticking) return;
    const dueAt = Math.min(...this.parts().map((part) => part.dueAt()));
    if (!Number.isFinite(dueAt) || (this.cancelTimer && this.timerDueAt <= dueAt)) return;
    this.cancelTimer?.();
    this.timerDueAt = dueAt;
    this.cancelTimer = this.clock.after(Math.max(0, dueAt - this.clock.now()), () => {
      this.cancelTimer = null;
      this.timerDueAt = Infinity;
      this.ticking = this.round()
        .catch((error: unknown) => console.error('[flurry] tracker tick failed:', error))
        .finally(() => {
          this.ticking = null;
          this.wake();
        });
    });
  }

  /**
   * One round: the due polls, then (without waiting for them) the batches whose statements
   * ended or whose retry is due, the history reads, the import and the heartbeat.
   */
  private async round(): Promise<void> {
    const now = this.clock.now();
    const pollers = [this.queries, this.services].filter((part) => part.dueAt() <= now);
    const ended = (await Promise.all(pollers.map((part) => part.run(now)))).flat();
    for (const { job, containers } of ended) this.reconciler.add(job, containers, now);
    this.submitter.markDue(new Set(ended.map(({ job }) => job.batchId)), now);
    for (const part of [this.submitter, this.reconciler, this.external, this.outage]) {
      if (part && part.dueAt() <= now) this.inBackground(part.run(now));
    }
  }

  private inBackground(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => console.error('[flurry] tracker task failed:', error))
      .finally(() => {
        this.background.delete(tracked);
        this.wake();
      });
    this.background.add(tracked);
  }

  private publish(jobs: readonly Job[]): void {
    for (const job of jobs) {
      this.options.bus.publish({ type: 'job', jobId: job.id, batchId: job.batchId, phase: job.phase, rawStatus: job.rawStatus, at: job.updatedAt });
    }
  }
}
