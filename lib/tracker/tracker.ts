import 'server-only';
/**
 * ONE loop per server for all active work, whatever the number of
 * open tabs: it polls each query when its schedule says so (the monitoring API, no warehouse
 * time), writes what changed to the registry, publishes ChangeEvents, replaces the times of
 * ended jobs with the warehouse's own records (one history read per kind and round), and moves
 * sequences on: submit the next statement after a success, skip the rest after a failure.
 *
 * With externalQueries it also brings in the queries other clients ran (./external-queries.ts)
 * and follows the unfinished ones like Flurry's own.
 *
 * Everything it needs is in the registry, so a new tracker (after a dashboard restart) picks up
 * where the last one stopped. When the warehouse does not answer it keeps every job, backs off,
 * reports the outage as a health event and recovers by itself. A heartbeat whenever nothing else
 * has reached the warehouse for a while notices an outage with nothing to poll, and the end of
 * one while every poll is backing off; the moment the warehouse answers again, everything
 * backing off is due at once.
 */
import { mapLimited } from '@/lib/concurrency/map-limited';
import { batchStep } from '@/lib/domain/batch-step';
import type { Job, JobKind, ServiceContainer } from '@/lib/domain/job';
import { backoffDelay, pollDelay } from '@/lib/domain/poll-schedule';
import type { QueryTimes } from '@/lib/domain/query-history';
import { failureMessage, firstContainerStart, rowForGivenName, type JobServiceRow } from '@/lib/domain/service-rows';
import { FLURRY_STATUSES, isTerminal, queryPhase } from '@/lib/domain/status';
import type { Registry, ServiceName, StatusChange, WarehouseTimes } from '@/lib/registry/registry';
import type { WarehouseCalls } from '@/lib/warehouse/calls';
import { isWarehouseError, isWarehouseUnavailableError } from '@/lib/domain/error-kinds';
import type { EventBus } from './events';
import { ExternalQueryImport, type ExternalQueriesOptions } from './external-queries';
import { outcomesOf } from './outcomes';

export interface TrackerOptions {
  registry: Registry;
  warehouse: WarehouseCalls;
  bus: EventBus;
  /**
   * Status requests in flight at once (default 100). Each is a cheap GET that costs no warehouse
   * time; with fewer in flight, a tick over a large batch takes several round trips and a query's
   * end reaches the page later (bench/batch-latency.ts: p95 ≈ 310 ms at 32, ≈ 220 ms at 100).
   */
  parallelism?: number;
  /** Import the queries other clients ran, from the warehouse's query history; off when absent. */
  externalQueries?: ExternalQueriesOptions;
}

const DEFAULT_PARALLELISM = 100;

interface Watched {
  jobId: string;
  queryId: string;
  rawStatus: string;
  /** When its status last changed: a query that just started is polled as often as a new one. */
  changedAt: number;
  /** A statement of a sequence: the next one starts when it ends, so its end is looked for often. */
  inSequence: boolean;
  nextPollAt: number;
  failures: number;
}

/** A job service: its statement's query until the warehouse names the job, then the job. */
interface WatchedService {
  jobId: string;
  queryId: string;
  /** Fully qualified, once the warehouse has said it. */
  name: string | null;
  /** The NAME its statement gave, as Snowflake resolves it; null when Snowflake picks one. */
  givenName: string | null;
  submittedAt: number | null;
  rawStatus: string;
  changedAt: number;
  /** When SHOW JOB SERVICES first missed it: a job that stays missing was dropped. */
  missingSince: number | null;
  /** The containers read when it failed (for the message), kept so its times need no second read. */
  containers: ServiceContainer[] | null;
  nextPollAt: number;
  failures: number;
}

/** An ended job whose times are still Flurry's own, waiting for the warehouse's. */
interface Reconciling {
  jobId: string;
  kind: JobKind;
  queryId: string;
  /** A job service's containers, when already read. */
  containers: ServiceContainer[] | null;
  attempts: number;
  dueAt: number;
}

/** Tries at reading an ended job's times from the warehouse's history before keeping Flurry's own. */
const RECONCILE_ATTEMPTS = 5;
const RECONCILE_RETRY_MS = 1_000;
/**
 * SHOW SERVICE CONTAINERS reads in flight while reconciling ended job services: one statement
 * per job, so a batch of them must not take every pooled connection from the status polls.
 */
const CONTAINER_READS_IN_FLIGHT = 4;
/** A just-submitted query the monitoring API does not know yet is not taken for lost. */
const NOT_YET_VISIBLE_MS = 30_000;
const NO_QUERY_DATA = 'NO_QUERY_DATA';
/**
 * Job services are read with SHOW JOB SERVICES, which unlike the monitoring API is a statement
 * (cloud services time on Snowflake): at most once a second, and one read covers them all.
 */
const SERVICE_MIN_POLL_MS = 1_000;
/** A watched job missing from SHOW JOB SERVICES for this long was dropped. */
const SERVICE_GONE_MS = 30_000;
const DELETED = 'DELETED';
/**
 * A heartbeat (no warehouse time) when nothing else has asked the warehouse anything for this
 * long, so an outage shows within seconds even with nothing to poll; during an outage, often,
 * so the end of it is noticed while the polls back off for up to 30 s.
 */
const HEARTBEAT_IDLE_MS = 5_000;
const HEARTBEAT_OUTAGE_MS = 2_000;
const FAILED_SERVICE = new Set(['FAILED', 'INTERNAL_ERROR']);

export class Tracker {
  private readonly watched = new Map<string, Watched>();
  private readonly services = new Map<string, WatchedService>();
  private readonly reconciling = new Map<string, Reconciling>();
  /** One history read at a time: it may queue for a warehouse slot, and holds a connection. */
  private reconcileInFlight = false;
  /** Batches with WAITING jobs whose submission must be retried, and when. */
  private readonly retryBatches = new Map<string, { dueAt: number; failures: number }>();
  private readonly batchLocks = new Map<string, Promise<unknown>>();
  /** Work the loop started and does not wait for (history reads, submissions). */
  private readonly background = new Set<Promise<unknown>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerDueAt = Infinity;
  private ticking: Promise<void> | null = null;
  private tickAgain = false;
  private running = false;
  private healthy: boolean | null = null;
  /** When the warehouse last answered or failed to: the heartbeat is due a while after. */
  private lastContactAt = 0;
  private heartbeatInFlight = false;
  /** Reads the warehouse refused, each logged once: it refuses them every time (e.g. no job history). */
  private readonly refusedReads = new Set<string>();
  private readonly external: ExternalQueryImport | null;

  constructor(private readonly options: TrackerOptions) {
    this.external = options.externalQueries ? new ExternalQueryImport(options.registry, options.warehouse, options.externalQueries) : null;
  }

  /** Loads every unfinished job from the registry and starts the loop. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const { registry } = this.options;
    const [active, unreconciled] = await Promise.all([registry.listActiveJobs(), registry.listUnreconciled()]);
    const now = Date.now();
    this.track(active);
    for (const job of unreconciled) this.reconcileLater(job, null, now);
    for (const job of active) if (!job.queryId) this.retryBatches.set(job.batchId, { dueAt: now, failures: 0 });
    this.schedule(0);
  }

  /** Stops the loop and waits for the work in flight; the registry keeps the rest. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
    await Promise.all([...this.background, ...this.batchLocks.values()]);
  }

  /** Jobs the tracker is watching now. */
  get watchedCount(): number {
    return this.watched.size + this.services.size;
  }

  /** Starts watching submitted, unfinished jobs (others are ignored). */
  track(jobs: readonly Job[]): void {
    const now = Date.now();
    for (const job of jobs) {
      if (!job.queryId || isTerminal(job.phase) || this.watched.has(job.id) || this.services.has(job.id)) continue;
      if (job.kind === 'job_service') {
        this.services.set(job.id, {
          jobId: job.id,
          queryId: job.queryId,
          name: job.service?.resolved ? job.service.name : null,
          givenName: job.service?.resolved ? null : (job.service?.name ?? null),
          submittedAt: job.submittedAt,
          rawStatus: job.rawStatus,
          changedAt: job.updatedAt,
          missingSince: null,
          containers: null,
          nextPollAt: now,
          failures: 0,
        });
        continue;
      }
      this.watched.set(job.id, {
        jobId: job.id,
        queryId: job.queryId,
        rawStatus: job.rawStatus,
        changedAt: job.updatedAt,
        inSequence: job.batchMode === 'sequence',
        nextPollAt: now,
        failures: 0,
      });
    }
    this.schedule(0);
  }

  /** Polls these jobs at the next opportunity (e.g. right after asking to cancel them). */
  pollSoon(jobIds: readonly string[]): void {
    for (const id of jobIds) {
      const watched = this.watched.get(id) ?? this.services.get(id);
      if (watched) watched.nextPollAt = 0;
    }
    this.schedule(0);
  }

  /**
   * Does what a batch needs next (batchStep): submits its due WAITING statements, skips those a
   * failure made pointless. Serialized per batch so one statement is never submitted twice.
   * Resolves with the jobs it changed.
   */
  advanceBatch(batchId: string): Promise<Job[]> {
    const previous = this.batchLocks.get(batchId) ?? Promise.resolve();
    const next = previous.then(() => this.advanceBatchNow(batchId));
    const settled = next.catch(() => undefined);
    this.batchLocks.set(batchId, settled);
    void settled.then(() => {
      if (this.batchLocks.get(batchId) === settled) this.batchLocks.delete(batchId);
    });
    return next;
  }

  /**
   * Cancels jobs that were never submitted (WAITING), and skips what follows them in their
   * sequences. Resolves with the ids it cancelled; a job submitted meanwhile is left out.
   */
  async cancelWaiting(jobIds: readonly string[]): Promise<string[]> {
    const cancelled = await this.options.registry.recordStatusChanges(
      jobIds.map((jobId) => ({ jobId, rawStatus: FLURRY_STATUSES.CANCELLED, onlyIf: FLURRY_STATUSES.WAITING, at: Date.now() })),
    );
    this.publish(cancelled);
    await Promise.all([...new Set(cancelled.map((job) => job.batchId))].map((batchId) => this.advanceBatch(batchId)));
    return cancelled.map((job) => job.id);
  }

  private async advanceBatchNow(batchId: string): Promise<Job[]> {
    const { registry } = this.options;
    const changed: Job[] = [];
    for (;;) {
      const jobs = await registry.batchJobs(batchId);
      if (jobs.length === 0) return changed;
      const step = batchStep(jobs[0].batchMode, jobs);
      const skipped = await registry.recordStatusChanges(
        step.skip.map((jobId) => ({ jobId, rawStatus: FLURRY_STATUSES.SKIPPED, onlyIf: FLURRY_STATUSES.WAITING, at: Date.now() })),
      );
      this.publish(skipped);
      changed.push(...skipped);
      const submitted = await this.submit(jobs.filter((job) => step.submit.includes(job.id)));
      changed.push(...submitted.changed);
      if (submitted.unavailable) {
        const failures = (this.retryBatches.get(batchId)?.failures ?? 0) + 1;
        this.retryBatches.set(batchId, { dueAt: Date.now() + backoffDelay(failures), failures });
        this.schedule(backoffDelay(failures));
        return changed;
      }
      this.retryBatches.delete(batchId);
      // A refused statement ends a sequence: go round once more to skip what follows it.
      if (!submitted.refused) return changed;
    }
  }

  private async submit(jobs: readonly Job[]): Promise<{ changed: Job[]; refused: boolean; unavailable: boolean }> {
    if (jobs.length === 0) return { changed: [], refused: false, unavailable: false };
    const { registry, warehouse } = this.options;
    const at = Date.now();
    const outcomes = await outcomesOf(
      jobs,
      warehouse.submitQueries(jobs.map((job) => ({ sql: job.sql, queryTag: { batchId: job.batchId, jobId: job.id }, requestId: job.id }))),
    );

    const accepted = outcomes.flatMap((o) => (o.value ? [{ jobId: o.item.id, queryId: o.value, at }] : []));
    const refusals = outcomes.flatMap((o) => (isWarehouseError(o.failure) ? [{ job: o.item, failure: o.failure }] : []));
    const unavailable = outcomes.find((o) => isWarehouseUnavailableError(o.failure))?.failure ?? null;
    this.noteHealth(accepted.length + refusals.length > 0 ? null : unavailable);

    // A refusal that still created a query (it failed at once) keeps its query id.
    const failedQueries = refusals.flatMap((r) => (r.failure.queryId ? [{ jobId: r.job.id, queryId: r.failure.queryId, at }] : []));
    const { recorded, refused } = await registry.recordSubmissions([...accepted, ...failedQueries]);
    await this.cancelOrphans(refused);

    const failures = await registry.recordStatusChanges(
      refusals.map(({ job, failure }) => ({
        jobId: job.id,
        // A job service whose statement failed never existed: it has no job status of its own.
        rawStatus: failure.queryId && job.kind === 'query' ? 'FAILED_WITH_ERROR' : FLURRY_STATUSES.SUBMIT_FAILED,
        at: Date.now(),
        errorCode: failure.code,
        errorMessage: failure.message,
      })),
    );
    const failedIds = new Set(failures.map((job) => job.id));
    const live = recorded.filter((job) => !failedIds.has(job.id));
    this.publish([...live, ...failures]);
    this.track(live);
    return { changed: [...live, ...failures], refused: refusals.length > 0, unavailable: unavailable !== null };
  }

  /** Queries started for jobs that were cancelled while their submission was in flight. */
  private async cancelOrphans(refused: readonly { jobId: string; queryId: string }[]): Promise<void> {
    if (refused.length === 0) return;
    const current = new Map((await this.options.registry.getJobs(refused.map((r) => r.jobId))).map((job) => [job.id, job]));
    await Promise.all(
      refused
        .filter((r) => current.get(r.jobId)?.queryId !== r.queryId)
        .map((r) =>
          this.options.warehouse.cancelQuery(r.queryId).catch((error: unknown) => {
            console.error(`[flurry] could not cancel query ${r.queryId} of cancelled job ${r.jobId}:`, error);
          }),
        ),
    );
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.ticking) {
      if (delayMs === 0) this.tickAgain = true;
      return;
    }
    const dueAt = Date.now() + delayMs;
    if (this.timer && this.timerDueAt <= dueAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDueAt = dueAt;
    this.timer = setTimeout(() => this.runTick(), delayMs);
    // The loop alone should never keep a process (a test, a script) alive.
    this.timer.unref?.();
  }

  private runTick(): void {
    this.timer = null;
    this.timerDueAt = Infinity;
    this.tickAgain = false;
    this.ticking = this.tick()
      .catch((error: unknown) => console.error('[flurry] tracker tick failed:', error))
      .finally(() => {
        this.ticking = null;
        const again = this.tickAgain;
        this.tickAgain = false;
        const next = again ? 0 : this.nextDelay();
        if (next !== null) this.schedule(next);
      });
  }

  /** Milliseconds until something is due, or null when nothing is (work in flight is not due). */
  private nextDelay(): number | null {
    const dues = [
      ...[...this.watched.values()].map((w) => w.nextPollAt),
      ...[...this.services.values()].map((w) => w.nextPollAt),
      ...(this.reconcileInFlight ? [] : [...this.reconciling.values()].map((r) => r.dueAt)),
      ...[...this.retryBatches.values()].map((b) => b.dueAt),
      this.external?.dueAt ?? Infinity,
      this.heartbeatDueAt,
    ].filter(Number.isFinite);
    if (dues.length === 0) return null;
    return Math.max(0, Math.min(...dues) - Date.now());
  }

  /**
   * One round: poll what is due, then start (without waiting for them) the history read and
   * the submissions that follow. A history read can queue behind busy warehouse slots, and a
   * submission can wait on an unreachable warehouse; neither may hold up the next poll.
   */
  private async tick(): Promise<void> {
    const now = Date.now();
    const [queriesEnded, servicesEnded] = await Promise.all([this.pollDue(now), this.pollServices(now)]);
    const ended = [...queriesEnded, ...servicesEnded];
    const batches = new Set(ended.map((job) => job.batchId));
    for (const [batchId, retry] of this.retryBatches) {
      if (retry.dueAt > now) continue;
      retry.dueAt = Infinity;
      batches.add(batchId);
    }
    for (const batchId of batches) this.inBackground(this.advanceBatch(batchId));
    if (!this.reconcileInFlight) this.inBackground(this.reconcileDue(now));
    if (this.external && this.external.dueAt <= now) this.inBackground(this.importExternal(this.external, now));
    if (this.heartbeatDueAt <= now) this.inBackground(this.heartbeat());
  }

  private get heartbeatDueAt(): number {
    if (this.heartbeatInFlight) return Infinity;
    return this.lastContactAt + (this.healthy === false ? HEARTBEAT_OUTAGE_MS : HEARTBEAT_IDLE_MS);
  }

  private async heartbeat(): Promise<void> {
    this.heartbeatInFlight = true;
    try {
      await this.options.warehouse.ping();
      this.noteHealth(null);
    } catch (error) {
      this.noteHealth(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.heartbeatInFlight = false;
    }
  }

  /** Records the queries other clients started since the last read, and watches those still under way. */
  private async importExternal(external: ExternalQueryImport, now: number): Promise<void> {
    let found: Job[];
    try {
      found = await external.importNew(now);
    } catch (error) {
      if (isWarehouseUnavailableError(error)) this.noteHealth(error);
      else if (this.reportRefusal('query history', error)) console.error('[flurry] could not read the queries other clients ran:', error);
      return;
    }
    this.noteHealth(null);
    this.publish(found);
    this.track(found);
  }

  private inBackground(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => console.error('[flurry] tracker task failed:', error))
      .finally(() => {
        this.background.delete(tracked);
        const next = this.nextDelay();
        if (next !== null) this.schedule(next);
      });
    this.background.add(tracked);
  }

  /** Polls every due query; returns the jobs that ended. */
  private async pollDue(now: number): Promise<Job[]> {
    const due = [...this.watched.values()].filter((w) => w.nextPollAt <= now);
    if (due.length === 0) return [];
    const { warehouse, registry, parallelism = DEFAULT_PARALLELISM } = this.options;
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
        changes.push({ jobId: watched.jobId, rawStatus: report.status, at: Date.now(), errorCode: report.errorCode, errorMessage: report.errorMessage });
      }
      watched.nextPollAt = now + pollDelay(now - watched.changedAt, watched.inSequence);
    }
    this.noteHealth(polls.some((poll) => poll.value) ? null : unavailable);

    const changed = await registry.recordStatusChanges(changes);
    this.publish(changed);
    const ended: Job[] = [];
    for (const job of changed) {
      const watched = this.watched.get(job.id);
      if (!watched) continue;
      watched.rawStatus = job.rawStatus;
      if (!isTerminal(job.phase)) continue;
      this.watched.delete(job.id);
      ended.push(job);
      this.reconcileLater(job, null, now);
    }
    return ended;
  }

  /**
   * One round over every watched job service when any is due: the jobs started since the last
   * round are named (job history by query id, or SHOW JOB SERVICES for a NAME the statement
   * gave), ONE SHOW JOB SERVICES read gives every named job's status, and statements still
   * without a job are checked for failure (monitoring API). Returns the jobs that ended.
   */
  private async pollServices(now: number): Promise<Job[]> {
    const all = [...this.services.values()];
    if (!all.some((w) => w.nextPollAt <= now)) return [];
    const { registry, warehouse } = this.options;
    const changes: StatusChange[] = [];
    const names: ServiceName[] = [];
    let answered = false;
    let outage: Error | null = null;
    const failed = (error: unknown, what: string) => {
      if (isWarehouseUnavailableError(error)) outage = error;
      else console.error(`[flurry] ${what}:`, error);
    };
    const name = (watched: WatchedService, qualified: string) => {
      watched.name = qualified;
      names.push({ jobId: watched.jobId, name: qualified });
    };

    const unnamed = all.filter((w) => w.name === null);
    if (unnamed.length > 0) {
      try {
        const started = new Map((await warehouse.jobServicesOfQueries(unnamed.map((w) => w.queryId))).map((row) => [row.queryId, row]));
        answered = true;
        for (const watched of unnamed) {
          const row = started.get(watched.queryId);
          if (row) name(watched, row.qualifiedName);
        }
      } catch (error) {
        if (this.reportRefusal('job history', error)) failed(error, 'could not read the job history');
      }
    }

    if (all.some((w) => w.name !== null || w.givenName !== null)) {
      try {
        const rows = await warehouse.showJobServices();
        answered = true;
        for (const watched of all) {
          if (watched.name !== null || watched.givenName === null) continue;
          const row = rowForGivenName(watched.givenName, watched.submittedAt, rows);
          if (row) name(watched, row.qualifiedName);
        }
        const byName = new Map(rows.map((row) => [row.qualifiedName, row]));
        for (const watched of all) {
          if (watched.name === null) continue;
          const change = await this.serviceChange(watched, byName.get(watched.name), now);
          if (change) changes.push(change);
        }
      } catch (error) {
        failed(error, 'could not read the job services');
      }
    }
    this.publish(await registry.recordServiceNames(names));
    changes.push(...(await this.failedStatements(all.filter((w) => w.name === null), now)));

    for (const watched of all) {
      if (outage && !answered) {
        watched.failures++;
        watched.nextPollAt = now + backoffDelay(watched.failures);
      } else {
        watched.failures = 0;
        watched.nextPollAt = now + Math.max(SERVICE_MIN_POLL_MS, pollDelay(now - watched.changedAt));
      }
    }
    if (answered || outage) this.noteHealth(answered ? null : outage);

    const changed = await registry.recordStatusChanges(changes);
    this.publish(changed);
    const ended: Job[] = [];
    for (const job of changed) {
      const watched = this.services.get(job.id);
      if (!watched) continue;
      watched.rawStatus = job.rawStatus;
      if (!isTerminal(job.phase)) continue;
      this.services.delete(job.id);
      ended.push(job);
      this.reconcileLater(job, watched.containers, now);
    }
    return ended;
  }

  /** The status change SHOW JOB SERVICES shows for a named job, if any; a job gone for long was dropped. */
  private async serviceChange(watched: WatchedService, row: JobServiceRow | undefined, now: number): Promise<StatusChange | null> {
    const name = watched.name as string;
    let status: string;
    let message: string | null = null;
    if (row) {
      watched.missingSince = null;
      status = row.status;
    } else {
      watched.missingSince ??= now;
      if (now - watched.missingSince < SERVICE_GONE_MS) return null;
      status = DELETED;
      message = `The job service ${name} no longer exists: it was dropped before it ended.`;
    }
    if (status === watched.rawStatus) return null;
    if (FAILED_SERVICE.has(status)) message = await this.whyFailed(watched, name);
    watched.changedAt = now;
    return { jobId: watched.jobId, rawStatus: status, at: Date.now(), errorMessage: message };
  }

  /**
   * Statements that were to start job services but failed or were aborted: the job never
   * existed. Read through the monitoring API, which costs no warehouse time.
   */
  private async failedStatements(unnamed: readonly WatchedService[], now: number): Promise<StatusChange[]> {
    if (unnamed.length === 0) return [];
    const { warehouse, parallelism = DEFAULT_PARALLELISM } = this.options;
    const polls = await outcomesOf(unnamed, warehouse.queryStatuses(unnamed.map((w) => w.queryId), parallelism));
    const changes: StatusChange[] = [];
    for (const { item: watched, value: report } of polls) {
      if (!report) continue;
      const phase = queryPhase(report.status);
      if (phase !== 'failed' && phase !== 'cancelled') continue;
      if (report.status === NO_QUERY_DATA && now - watched.changedAt < NOT_YET_VISIBLE_MS) continue;
      changes.push({
        jobId: watched.jobId,
        rawStatus: phase === 'cancelled' ? FLURRY_STATUSES.CANCELLED : FLURRY_STATUSES.SUBMIT_FAILED,
        at: Date.now(),
        errorCode: report.errorCode,
        errorMessage: report.errorMessage ?? `The EXECUTE JOB SERVICE statement ended as ${report.status}.`,
      });
    }
    return changes;
  }

  /** What the containers of a job that just failed say about it (one read, only on the change). */
  private async whyFailed(watched: WatchedService, name: string): Promise<string | null> {
    try {
      watched.containers = await this.options.warehouse.serviceContainers(name);
      return failureMessage(watched.containers);
    } catch (error) {
      console.error(`[flurry] could not read the containers of ${name}:`, error);
      return null;
    }
  }

  /**
   * Queues an ended job for its warehouse times. A job service the warehouse never named failed
   * before it existed: nothing records it but Flurry (registry.listUnreconciled skips it alike).
   */
  private reconcileLater(job: Job, containers: ServiceContainer[] | null, now: number): void {
    if (!job.queryId || (job.kind === 'job_service' && !job.service?.resolved)) return;
    this.reconciling.set(job.id, { jobId: job.id, kind: job.kind, queryId: job.queryId, containers, attempts: 0, dueAt: now });
  }

  /**
   * Replaces the observed times of ended jobs with the warehouse's: one QUERY_HISTORY read for
   * the queries and one job history read for the job services that are due. A job the history
   * does not show yet (or not as ended) is tried again a little later, a few times.
   */
  private async reconcileDue(now: number): Promise<void> {
    const due = [...this.reconciling.values()].filter((r) => r.dueAt <= now);
    if (due.length === 0) return;
    this.reconcileInFlight = true;
    try {
      const found = await Promise.all([
        this.queryTimes(due.filter((r) => r.kind === 'query')),
        this.serviceTimes(due.filter((r) => r.kind === 'job_service')),
      ]);
      const byJob = new Map(found.flat().map((times) => [times.jobId, times]));
      for (const r of due) {
        if (byJob.has(r.jobId) || ++r.attempts >= RECONCILE_ATTEMPTS) this.reconciling.delete(r.jobId);
        else r.dueAt = Date.now() + RECONCILE_RETRY_MS * r.attempts;
      }
      this.publish(await this.options.registry.applyWarehouseTimes([...byJob.values()]));
    } finally {
      this.reconcileInFlight = false;
    }
  }

  /**
   * Ended queries' times from QUERY_HISTORY: received (START_TIME) → queued, executing
   * (END_TIME − EXECUTION_TIME) → running, until END_TIME.
   */
  private async queryTimes(due: readonly Reconciling[]): Promise<WarehouseTimes[]> {
    if (due.length === 0) return [];
    const rows = await this.options.warehouse.queryTimes(due.map((r) => r.queryId)).catch((error: unknown) => {
      console.error('[flurry] could not read the query history:', error);
      return [];
    });
    const byQuery = new Map<string, QueryTimes>(rows.map((times) => [times.queryId, times]));
    return due.flatMap((r) => {
      const times = byQuery.get(r.queryId);
      if (!times || times.endedAt === null) return [];
      const { queuedAt, startedAt, endedAt, errorCode, errorMessage, rowCount } = times;
      return [{ jobId: r.jobId, submittedAt: queuedAt, startedAt, endedAt, errorCode, errorMessage, rowCount }];
    });
  }

  /**
   * Ended job services' times: CREATED_TIME → pending, the first container's start → running,
   * until COMPLETED_TIME. One job history read for all of them, then each job's containers
   * (unless already read when it failed), a few at a time.
   */
  private async serviceTimes(due: readonly Reconciling[]): Promise<WarehouseTimes[]> {
    if (due.length === 0) return [];
    const rows = await this.options.warehouse.jobServicesOfQueries(due.map((r) => r.queryId)).catch((error: unknown) => {
      if (this.reportRefusal('job history', error)) console.error('[flurry] could not read the job history:', error);
      return [];
    });
    const byQuery = new Map(rows.map((row) => [row.queryId, row]));
    const completed = due.flatMap((r) => {
      const row = byQuery.get(r.queryId);
      return row && row.completedAt !== null ? [{ r, row }] : [];
    });
    const times = await mapLimited(completed, CONTAINER_READS_IN_FLIGHT, async ({ r, row }): Promise<WarehouseTimes | null> => {
      const containers = r.containers ?? (await this.endedContainers(row.qualifiedName));
      if (!containers) return null;
      const startedAt = firstContainerStart(containers);
      return { jobId: r.jobId, submittedAt: row.createdAt, startedAt, endedAt: row.completedAt, errorCode: null, errorMessage: null, rowCount: null };
    });
    return times.filter((t) => t !== null);
  }

  /**
   * The containers of an ended job; none when the warehouse refuses (a dropped job has none to
   * show), null when it did not answer, so the job is tried again.
   */
  private async endedContainers(name: string): Promise<ServiceContainer[] | null> {
    try {
      return await this.options.warehouse.serviceContainers(name);
    } catch (error) {
      if (isWarehouseUnavailableError(error)) return null;
      console.error(`[flurry] could not read the containers of ${name}:`, error);
      return [];
    }
  }

  /**
   * Whether a failed read is worth reporting. A warehouse without the job history is still
   * followed (by the names statements give), and refuses every read of it: say so once.
   */
  private reportRefusal(read: string, error: unknown): boolean {
    if (!isWarehouseError(error)) return true;
    if (this.refusedReads.has(read)) return false;
    this.refusedReads.add(read);
    return true;
  }

  /** Records whether the warehouse answered: `outage` is why it did not, null when it did. */
  private noteHealth(outage: Error | null): void {
    this.lastContactAt = Date.now();
    const ok = outage === null;
    if (this.healthy === ok) return;
    const recovered = this.healthy === false;
    this.healthy = ok;
    if (outage) console.error(`[flurry] warehouse unavailable, retrying with backoff: ${outage.message}`);
    else if (recovered) this.resumeAfterOutage();
    this.options.bus.publish({ type: 'health', ok, at: Date.now() });
  }

  /** The warehouse answers again: what was backing off is due now, not at the end of its back-off. */
  private resumeAfterOutage(): void {
    const now = Date.now();
    for (const watched of [...this.watched.values(), ...this.services.values()]) {
      watched.failures = 0;
      watched.nextPollAt = Math.min(watched.nextPollAt, now);
    }
    for (const retry of this.retryBatches.values()) {
      retry.failures = 0;
      if (Number.isFinite(retry.dueAt)) retry.dueAt = Math.min(retry.dueAt, now);
    }
    this.schedule(0);
  }

  private publish(jobs: readonly Job[]): void {
    for (const job of jobs) {
      this.options.bus.publish({ type: 'job', jobId: job.id, batchId: job.batchId, phase: job.phase, rawStatus: job.rawStatus, at: job.updatedAt });
    }
  }
}
