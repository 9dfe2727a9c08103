import 'server-only';
/**
 * Follows job services: each by its statement's query until the warehouse names the job, then
 * by the job. One round covers every watched job service when any is due: the jobs started since
 * the last round are named (job history by query id, or SHOW JOB SERVICES for a NAME the
 * statement gave), ONE SHOW JOB SERVICES read gives every named job's status, and statements
 * still without a job are checked for failure (monitoring API). A job missing from SHOW JOB
 * SERVICES for long was dropped (DELETED); one that failed gets its containers' message.
 */
import type { Job, ServiceContainer } from '@/lib/domain/job';
import { backoffDelay, pollDelay } from '@/lib/domain/poll-schedule';
import { failureMessage, rowForGivenName, type JobServiceRow } from '@/lib/domain/service-rows';
import { FLURRY_STATUSES, isTerminal, queryPhase } from '@/lib/domain/status';
import { isWarehouseUnavailableError } from '@/lib/warehouse/errors';
import type { ServiceName, StatusChange } from '@/lib/registry/types';
import { outcomesOf } from './outcomes';
import type { BacksOff, Clock, EndedJob, Health, LoopPart, PublishJobs, TrackerStore, TrackerWarehouse } from './ports';
import { WatchList, type Watched } from './watch-list';
import { NO_QUERY_DATA, NOT_YET_VISIBLE_MS } from './query-poller';
import type { RefusedReads } from './refused-reads';

export interface ServicePollerPorts {
  store: Pick<TrackerStore, 'recordStatusChanges' | 'recordServiceNames'>;
  warehouse: Pick<TrackerWarehouse, 'jobServicesOfQueries' | 'showJobServices' | 'queryStatuses' | 'serviceContainers'>;
  clock: Clock;
  health: Health;
  publish: PublishJobs;
  refusals: RefusedReads;
  /** Status requests in flight at once, for the statements not yet named. */
  parallelism: number;
}

/** A job service: its statement's query until the warehouse names the job, then the job. */
interface WatchedService extends Watched {
  /** Fully qualified, once the warehouse has said it. */
  name: string | null;
  /** The NAME its statement gave, as Snowflake resolves it; null when Snowflake picks one. */
  givenName: string | null;
  submittedAt: number | null;
  /** When SHOW JOB SERVICES first missed it: a job that stays missing was dropped. */
  missingSince: number | null;
  /** The containers read when it failed (for the message), kept so its times need no second read. */
  containers: ServiceContainer[] | null;
}

/**
 * Job services are read with SHOW JOB SERVICES, which unlike the monitoring API is a statement
 * (cloud services time on Snowflake): at most once a second, and one read covers them all.
 */
const SERVICE_MIN_POLL_MS = 1_000;
/** A watched job missing from SHOW JOB SERVICES for this long was dropped. */
const SERVICE_GONE_MS = 30_000;
const DELETED = 'DELETED';
const FAILED_SERVICE = new Set(['FAILED', 'INTERNAL_ERROR']);

export class ServicePoller implements LoopPart, BacksOff {
  private readonly services = new WatchList<WatchedService>();

  constructor(private readonly ports: ServicePollerPorts) {}

  get size(): number {
    return this.services.size;
  }

  /** Starts watching the submitted, unfinished job services among `jobs` (others are ignored). */
  track(jobs: readonly Job[], now: number): void {
    for (const job of jobs) {
      if (job.kind !== 'job_service' || !job.queryId || isTerminal(job.phase) || this.services.has(job.id)) continue;
      this.services.add({
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
    }
  }

  /** Polls these jobs at the next opportunity (e.g. right after asking to cancel them). */
  pollSoon(jobIds: readonly string[]): void {
    this.services.pollSoon(jobIds);
  }

  dueAt(): number {
    return this.services.dueAt();
  }

  /** One round over every watched job service when any is due; returns the jobs that ended. */
  async run(now: number): Promise<EndedJob[]> {
    const all = this.services.all();
    if (!all.some((w) => w.nextPollAt <= now)) return [];
    const { store, warehouse, refusals } = this.ports;
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
        if (refusals.worthReporting('job history', error)) failed(error, 'could not read the job history');
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
    this.ports.publish(await store.recordServiceNames(names));
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
    if (answered || outage) this.ports.health.note(answered ? null : outage);

    const changed = await store.recordStatusChanges(changes);
    this.ports.publish(changed);
    return this.services.settle(changed).map(({ job, watched }): EndedJob => ({ job, containers: watched.containers }));
  }

  resume(now: number): void {
    this.services.resume(now);
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
    return { jobId: watched.jobId, rawStatus: status, at: this.ports.clock.now(), errorMessage: message };
  }

  /**
   * Statements that were to start job services but failed or were aborted: the job never
   * existed. Read through the monitoring API, which costs no warehouse time.
   */
  private async failedStatements(unnamed: readonly WatchedService[], now: number): Promise<StatusChange[]> {
    if (unnamed.length === 0) return [];
    const { warehouse, clock, parallelism } = this.ports;
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
        at: clock.now(),
        errorCode: report.errorCode,
        errorMessage: report.errorMessage ?? `The EXECUTE JOB SERVICE statement ended as ${report.status}.`,
      });
    }
    return changes;
  }

  /** What the containers of a job that just failed say about it (one read, only on the change). */
  private async whyFailed(watched: WatchedService, name: string): Promise<string | null> {
    try {
      watched.containers = await this.ports.warehouse.serviceContainers(name);
      return failureMessage(watched.containers);
    } catch (error) {
      console.error(`[flurry] could not read the containers of ${name}:`, error);
      return null;
    }
  }
}
