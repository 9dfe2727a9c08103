import 'server-only';
/**
 * Replaces the times Flurry observed for ended jobs with the warehouse's own records: one
 * QUERY_HISTORY read for the queries and one job history read for the job services that are due,
 * one read at a time. A job the history does not show yet (or not as ended) is tried again a
 * little later, a few times, and then keeps Flurry's times.
 */
import { mapLimited } from '@/lib/concurrency/map-limited';
import type { Job, JobKind, ServiceContainer } from '@/lib/domain/job';
import type { QueryTimes } from '@/lib/domain/query-history';
import { firstContainerStart } from '@/lib/domain/service-rows';
import { isWarehouseUnavailableError } from '@/lib/warehouse/errors';
import type { WarehouseTimes } from '@/lib/registry/types';
import type { Clock, LoopPart, PublishJobs, TrackerStore, TrackerWarehouse } from './ports';
import type { RefusedReads } from './refused-reads';

export interface ReconcilerPorts {
  store: Pick<TrackerStore, 'applyWarehouseTimes'>;
  warehouse: Pick<TrackerWarehouse, 'queryTimes' | 'jobServicesOfQueries' | 'serviceContainers'>;
  clock: Clock;
  publish: PublishJobs;
  refusals: RefusedReads;
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

export class Reconciler implements LoopPart {
  private readonly reconciling = new Map<string, Reconciling>();
  /** One history read at a time: it may queue for a warehouse slot, and holds a connection. */
  private inFlight = false;

  constructor(private readonly ports: ReconcilerPorts) {}

  /**
   * Queues an ended job for its warehouse times. A job service the warehouse never named failed
   * before it existed: nothing records it but Flurry (registry.listUnreconciled skips it alike).
   */
  add(job: Job, containers: ServiceContainer[] | null, now: number): void {
    if (!job.queryId || (job.kind === 'job_service' && !job.service?.resolved)) return;
    this.reconciling.set(job.id, { jobId: job.id, kind: job.kind, queryId: job.queryId, containers, attempts: 0, dueAt: now });
  }

  dueAt(): number {
    if (this.inFlight) return Infinity;
    let due = Infinity;
    for (const r of this.reconciling.values()) due = Math.min(due, r.dueAt);
    return due;
  }

  /** Reads the warehouse's times of every due job and records those it found. */
  async run(now: number): Promise<void> {
    const due = [...this.reconciling.values()].filter((r) => r.dueAt <= now);
    if (due.length === 0) return;
    this.inFlight = true;
    try {
      const found = await Promise.all([
        this.queryTimes(due.filter((r) => r.kind === 'query')),
        this.serviceTimes(due.filter((r) => r.kind === 'job_service')),
      ]);
      const byJob = new Map(found.flat().map((times) => [times.jobId, times]));
      for (const r of due) {
        if (byJob.has(r.jobId) || ++r.attempts >= RECONCILE_ATTEMPTS) this.reconciling.delete(r.jobId);
        else r.dueAt = this.ports.clock.now() + RECONCILE_RETRY_MS * r.attempts;
      }
      this.ports.publish(await this.ports.store.applyWarehouseTimes([...byJob.values()]));
    } finally {
      this.inFlight = false;
    }
  }

  /**
   * Ended queries' times from QUERY_HISTORY: received (START_TIME) → queued, executing
   * (END_TIME − EXECUTION_TIME) → running, until END_TIME.
   */
  private async queryTimes(due: readonly Reconciling[]): Promise<WarehouseTimes[]> {
    if (due.length === 0) return [];
    const rows = await this.ports.warehouse.queryTimes(due.map((r) => r.queryId)).catch((error: unknown) => {
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
    const rows = await this.ports.warehouse.jobServicesOfQueries(due.map((r) => r.queryId)).catch((error: unknown) => {
      if (this.ports.refusals.worthReporting('job history', error)) console.error('[flurry] could not read the job history:', error);
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
      return await this.ports.warehouse.serviceContainers(name);
    } catch (error) {
      if (isWarehouseUnavailableError(error)) return null;
      console.error(`[flurry] could not read the containers of ${name}:`, error);
      return [];
    }
  }
}
