import 'server-only';
/**
 * ONE loop per server for all active work (DESIGN.md, "lib/tracker"), whatever the number of
 * open tabs: it polls each query when its schedule says so (the monitoring API, no warehouse
 * time), writes what changed to the registry, publishes ChangeEvents, reconciles the times of
 * finished queries with the warehouse's own history (one read per group), and moves sequences
 * on: submit the next statement after a success, skip the rest after a failure.
 *
 * Everything it needs is in the registry, so a new tracker (after a dashboard restart) picks up
 * where the last one stopped. When the warehouse does not answer it keeps every job, backs off,
 * reports the outage as a health event and recovers by itself.
 */
import { batchStep } from '@/lib/domain/batch-step';
import type { Job } from '@/lib/domain/job';
import { backoffDelay, pollDelay } from '@/lib/domain/poll-schedule';
import { failureMessage, rowForGivenName, type JobServiceRow } from '@/lib/domain/service-rows';
import { FLURRY_STATUSES, isTerminal, queryPhase } from '@/lib/domain/status';
import type { Registry, ServiceName, StatusChange, WarehouseTimes } from '@/lib/registry/registry';
import type { QueryTimes, WarehouseCalls } from '@/lib/warehouse/calls';
import { WarehouseError, WarehouseUnavailableError } from '@/lib/warehouse/errors';
import type { EventBus } from './events';
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
}

const DEFAULT_PARALLELISM = 100;

interface Watched {
  jobId: string;
  queryId: string;
  rawStatus: string;
  /** When its status last changed: a query that just started is polled as often as a new one. */
  changedAt: number;
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
  nextPollAt: number;
  failures: number;
}

interface Reconciling {
  jobId: string;
  queryId: string;
  attempts: number;
  dueAt: number;
}

/** Tries at reading a finished query's times from QUERY_HISTORY before keeping Flurry's own. */
const RECONCILE_ATTEMPTS = 5;
const RECONCILE_RETRY_MS = 1_000;
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
  /** The warehouse refused a job history read (logged once). */
  private historyRefused = false;

  constructor(private readonly options: TrackerOptions) {}

  /** Loads every unfinished job from the registry and starts the loop. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const { registry } = this.options;
    const [active, unreconciled] = await Promise.all([registry.listActiveJobs(), registry.listUnreconciled()]);
    const now = Date.now();
    this.track(active);
    for (const job of unreconciled) this.reconciling.set(job.id, { jobId: job.id, queryId: job.queryId as string, attempts: 0, dueAt: now });
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
    const refusals = outcomes.flatMap((o) => (o.failure instanceof WarehouseError ? [{ job: o.item, failure: o.failure }] : []));
    const unavailable = outcomes.find((o) => o.failure instanceof WarehouseUnavailableError)?.failure ?? null;
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
        if (failure instanceof WarehouseUnavailableError) unavailable = failure;
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
      watched.nextPollAt = now + pollDelay(now - watched.changedAt);
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
      this.reconciling.set(job.id, { jobId: job.id, queryId: watched.queryId, attempts: 0, dueAt: now });
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
      if (error instanceof WarehouseUnavailableError) outage = error;
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
        // A warehouse without the job history is still followed (by the names statements give):
        // say so once, not every round.
        const refused = error instanceof WarehouseError;
        if (!(refused && this.historyRefused)) failed(error, 'could not read the job history');
        this.historyRefused ||= refused;
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
    if (FAILED_SERVICE.has(status)) message = await this.whyFailed(name);
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
  private async whyFailed(name: string): Promise<string | null> {
    try {
      return failureMessage(await this.options.warehouse.serviceContainers(name));
    } catch (error) {
      console.error(`[flurry] could not read the containers of ${name}:`, error);
      return null;
    }
  }

  /** Replaces observed times of finished queries with the warehouse's, in one history read. */
  private async reconcileDue(now: number): Promise<void> {
    const due = [...this.reconciling.values()].filter((r) => r.dueAt <= now);
    if (due.length === 0) return;
    this.reconcileInFlight = true;
    try {
      const found = await this.readTimes(due.map((r) => r.queryId));
      const apply: WarehouseTimes[] = [];
      for (const r of due) {
        const times = found.get(r.queryId);
        if (times && times.endedAt !== null) {
          const { startedAt, endedAt, errorCode, errorMessage, rowCount } = times;
          apply.push({ jobId: r.jobId, startedAt, endedAt, errorCode, errorMessage, rowCount });
          this.reconciling.delete(r.jobId);
        } else if (++r.attempts >= RECONCILE_ATTEMPTS) {
          this.reconciling.delete(r.jobId);
        } else {
          r.dueAt = Date.now() + RECONCILE_RETRY_MS * r.attempts;
        }
      }
      this.publish(await this.options.registry.applyWarehouseTimes(apply));
    } finally {
      this.reconcileInFlight = false;
    }
  }

  private async readTimes(queryIds: string[]): Promise<Map<string, QueryTimes>> {
    try {
      return new Map((await this.options.warehouse.queryTimes(queryIds)).map((times) => [times.queryId, times]));
    } catch (error) {
      console.error('[flurry] could not read query history:', error);
      return new Map();
    }
  }

  /** Records whether the warehouse answered: `outage` is why it did not, null when it did. */
  private noteHealth(outage: Error | null): void {
    const ok = outage === null;
    if (this.healthy === ok) return;
    this.healthy = ok;
    if (outage) console.error(`[flurry] warehouse unavailable, retrying with backoff: ${outage.message}`);
    this.options.bus.publish({ type: 'health', ok, at: Date.now() });
  }

  private publish(jobs: readonly Job[]): void {
    for (const job of jobs) {
      this.options.bus.publish({ type: 'job', jobId: job.id, batchId: job.batchId, phase: job.phase, rawStatus: job.rawStatus, at: job.updatedAt });
    }
  }
}
