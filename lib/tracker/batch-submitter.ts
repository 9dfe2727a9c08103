import 'server-only';
/**
 * Moves batches on (lib/domain/batch-step.ts): submits their due WAITING statements, skips what a
 * failed or cancelled statement made pointless, and cancels the query of a job cancelled while
 * its submission was in flight. A submission the warehouse refuses fails its job (and, in a
 * sequence, skips the rest); one the warehouse did not answer leaves the jobs WAITING and is
 * retried with back-off. Work on a batch is serialized, so no statement is submitted twice.
 */
import type { Job } from '@/lib/domain/job';
import { batchStep } from '@/lib/domain/batch-step';
import { backoffDelay } from '@/lib/domain/poll-schedule';
import { FLURRY_STATUSES } from '@/lib/domain/status';
import { isWarehouseError, isWarehouseUnavailableError } from '@/lib/warehouse/errors';
import { outcomesOf } from './outcomes';
import type { BacksOff, Clock, Health, LoopPart, PublishJobs, TrackerStore, TrackerWarehouse } from './ports';

export interface BatchSubmitterPorts {
  store: Pick<TrackerStore, 'batchJobs' | 'getJobs' | 'recordSubmissions' | 'recordStatusChanges'>;
  warehouse: Pick<TrackerWarehouse, 'submitQueries' | 'cancelQuery'>;
  clock: Clock;
  health: Health;
  publish: PublishJobs;
  /** Hands submitted jobs to the pollers. */
  track: (jobs: readonly Job[]) => void;
  /** Tells the loop that what is due has changed. */
  wake: () => void;
}

export class BatchSubmitter implements LoopPart, BacksOff {
  /** Batches to advance, and when: a statement of theirs ended, or a submission is to be retried. */
  private readonly due = new Map<string, { dueAt: number; failures: number }>();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly ports: BatchSubmitterPorts) {}

  /** Advances these batches at `now` (a statement of theirs ended, or they have WAITING jobs). */
  markDue(batchIds: Iterable<string>, now: number): void {
    for (const batchId of batchIds) this.due.set(batchId, { dueAt: now, failures: this.due.get(batchId)?.failures ?? 0 });
  }

  dueAt(): number {
    let due = Infinity;
    for (const batch of this.due.values()) due = Math.min(due, batch.dueAt);
    return due;
  }

  /** Advances every due batch. */
  async run(now: number): Promise<void> {
    const batchIds = [...this.due].flatMap(([batchId, batch]) => (batch.dueAt <= now ? [batchId] : []));
    for (const batchId of batchIds) (this.due.get(batchId) as { dueAt: number }).dueAt = Infinity;
    await Promise.all(
      batchIds.map((batchId) =>
        this.advanceBatch(batchId).catch((error: unknown) => console.error(`[flurry] could not advance batch ${batchId}:`, error)),
      ),
    );
  }

  resume(now: number): void {
    for (const batch of this.due.values()) {
      batch.failures = 0;
      if (Number.isFinite(batch.dueAt)) batch.dueAt = Math.min(batch.dueAt, now);
    }
  }

  /** Settles once every batch being advanced is done. */
  async idle(): Promise<void> {
    await Promise.all(this.locks.values());
  }

  /**
   * Does what a batch needs next (batchStep): submits its due WAITING statements, skips those a
   * failure made pointless. Serialized per batch so one statement is never submitted twice.
   * Resolves with the jobs it changed.
   */
  advanceBatch(batchId: string): Promise<Job[]> {
    const previous = this.locks.get(batchId) ?? Promise.resolve();
    const next = previous.then(() => this.advanceBatchNow(batchId));
    const settled = next.catch(() => undefined);
    this.locks.set(batchId, settled);
    void settled.then(() => {
      if (this.locks.get(batchId) === settled) this.locks.delete(batchId);
    });
    return next;
  }

  /**
   * Cancels jobs that were never submitted (WAITING), and skips what follows them in their
   * sequences. Resolves with the ids it cancelled; a job submitted meanwhile is left out.
   */
  async cancelWaiting(jobIds: readonly string[]): Promise<string[]> {
    const { store, clock, publish } = this.ports;
    const cancelled = await store.recordStatusChanges(
      jobIds.map((jobId) => ({ jobId, rawStatus: FLURRY_STATUSES.CANCELLED, onlyIf: FLURRY_STATUSES.WAITING, at: clock.now() })),
    );
    publish(cancelled);
    await Promise.all([...new Set(cancelled.map((job) => job.batchId))].map((batchId) => this.advanceBatch(batchId)));
    return cancelled.map((job) => job.id);
  }

  private async advanceBatchNow(batchId: string): Promise<Job[]> {
    const { store, clock, publish } = this.ports;
    const changed: Job[] = [];
    for (;;) {
      const jobs = await store.batchJobs(batchId);
      if (jobs.length === 0) return changed;
      const step = batchStep(jobs[0].batchMode, jobs);
      const skipped = await store.recordStatusChanges(
        step.skip.map((jobId) => ({ jobId, rawStatus: FLURRY_STATUSES.SKIPPED, onlyIf: FLURRY_STATUSES.WAITING, at: clock.now() })),
      );
      publish(skipped);
      changed.push(...skipped);
      const submitted = await this.submit(jobs.filter((job) => step.submit.includes(job.id)));
      changed.push(...submitted.changed);
      if (submitted.unavailable) {
        const failures = (this.due.get(batchId)?.failures ?? 0) + 1;
        this.due.set(batchId, { dueAt: clock.now() + backoffDelay(failures), failures });
        this.ports.wake();
        return changed;
      }
      this.due.delete(batchId);
      // A refused statement ends a sequence: go round once more to skip what follows it.
      if (!submitted.refused) return changed;
    }
  }

  private async submit(jobs: readonly Job[]): Promise<{ changed: Job[]; refused: boolean; unavailable: boolean }> {
    if (jobs.length === 0) return { changed: [], refused: false, unavailable: false };
    const { store, warehouse, clock } = this.ports;
    const at = clock.now();
    const outcomes = await outcomesOf(
      jobs,
      warehouse.submitQueries(jobs.map((job) => ({ sql: job.sql, queryTag: { batchId: job.batchId, jobId: job.id }, requestId: job.id }))),
    );

    const accepted = outcomes.flatMap((o) => (o.value ? [{ jobId: o.item.id, queryId: o.value, at }] : []));
    const refusals = outcomes.flatMap((o) => (isWarehouseError(o.failure) ? [{ job: o.item, failure: o.failure }] : []));
    const unavailable = outcomes.find((o) => isWarehouseUnavailableError(o.failure))?.failure ?? null;
    this.ports.health.note(accepted.length + refusals.length > 0 ? null : unavailable);

    // A refusal that still created a query (it failed at once) keeps its query id.
    const failedQueries = refusals.flatMap((r) => (r.failure.queryId ? [{ jobId: r.job.id, queryId: r.failure.queryId, at }] : []));
    const { recorded, refused } = await store.recordSubmissions([...accepted, ...failedQueries]);
    await this.cancelOrphans(refused);

    const failures = await store.recordStatusChanges(
      refusals.map(({ job, failure }) => ({
        jobId: job.id,
        // A job service whose statement failed never existed: it has no job status of its own.
        rawStatus: failure.queryId && job.kind === 'query' ? 'FAILED_WITH_ERROR' : FLURRY_STATUSES.SUBMIT_FAILED,
        at: clock.now(),
        errorCode: failure.code,
        errorMessage: failure.message,
      })),
    );
    const failedIds = new Set(failures.map((job) => job.id));
    const live = recorded.filter((job) => !failedIds.has(job.id));
    this.ports.publish([...live, ...failures]);
    this.ports.track(live);
    return { changed: [...live, ...failures], refused: refusals.length > 0, unavailable: unavailable !== null };
  }

  /** Queries started for jobs that were cancelled while their submission was in flight. */
  private async cancelOrphans(refused: readonly { jobId: string; queryId: string }[]): Promise<void> {
    if (refused.length === 0) return;
    const current = new Map((await this.ports.store.getJobs(refused.map((r) => r.jobId))).map((job) => [job.id, job]));
    await Promise.all(
      refused
        .filter((r) => current.get(r.jobId)?.queryId !== r.queryId)
        .map((r) =>
          this.ports.warehouse.cancelQuery(r.queryId).catch((error: unknown) => {
            console.error(`[flurry] could not cancel query ${r.queryId} of cancelled job ${r.jobId}:`, error);
          }),
        ),
    );
  }
}
