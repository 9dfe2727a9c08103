/**
 * Test support for the tracker's parts: a clock that moves only when told, an in-memory store
 * that keeps the registry's rules the tracker relies on (a WAITING job alone is accepted, an
 * ended job keeps its status, `onlyIf` guards a change), and the warehouse's two kinds of
 * failure. Each part's test builds only the warehouse calls that part makes.
 */
import type { BatchMode, Job, JobKind } from '@/lib/domain/job';
import type { ExternalQuery } from '@/lib/domain/query-history';
import { importedStatus } from '@/lib/domain/query-history';
import { ACCEPTED_STATUS, FLURRY_STATUSES, isTerminal, phaseOf } from '@/lib/domain/status';
import type { ServiceName, StatusChange, Submission, WarehouseTimes } from '@/lib/registry/types';
import { WarehouseError, WarehouseUnavailableError } from '@/lib/warehouse/errors';
import { ManualClock } from '@/test/manual-clock';
import type { Clock, Health, TrackerStore, TrackerWarehouse } from './ports';

/** What the warehouse port's bulk calls take and answer, for the fakes to implement them. */
export type SubmitItem = Parameters<TrackerWarehouse['submitQueries']>[0][number];
export type StatusAnswers = Awaited<ReturnType<TrackerWarehouse['queryStatuses']>>;

/** Lets every promise chain that is not waiting on a timer run to its end. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A clock at `time` that moves only through advance(), firing its timers in order and settling the work each starts. */
export class FakeClock extends ManualClock {
  constructor(time = 1_000_000) {
    super(time);
  }

  override advance(ms: number): Promise<void> {
    return super.advance(ms, settle);
  }
}

/** The warehouse did not answer. */
export const down = (): WarehouseUnavailableError => new WarehouseUnavailableError('The warehouse did not answer: connect ECONNREFUSED');

/** The warehouse answered with an error of its own (and the query it created, if any). */
export const refusal = (message: string, queryId: string | null = null): WarehouseError => new WarehouseError(message, '002003', '42S02', queryId);

/** A Health that keeps every note: null for an answer, the error for an outage. */
export function recordingHealth(): Health & { notes: (Error | null)[] } {
  const notes: (Error | null)[] = [];
  return { notes, note: (outage) => notes.push(outage) };
}

interface NewFakeJob {
  sql?: string;
  kind?: JobKind;
  /** A job service's name as its statement gave it. */
  serviceName?: string | null;
}

/** The registry, in memory: the methods the tracker calls, with the rules it relies on. */
export class FakeStore implements TrackerStore {
  readonly jobs = new Map<string, Job>();
  /** Every job id whose times are the warehouse's. */
  readonly reconciled = new Set<string>();
  private ids = 0;

  constructor(private readonly clock: Clock) {}

  /** A batch of WAITING jobs, in order. */
  addBatch(mode: BatchMode, specs: readonly NewFakeJob[]): Job[] {
    const batchId = `batch-${++this.ids}`;
    return specs.map((spec, position) => {
      const kind = spec.kind ?? 'query';
      const job: Job = {
        id: `job-${++this.ids}`,
        kind,
        batchId,
        batchLabel: null,
        batchMode: mode,
        position,
        sql: spec.sql ?? `SELECT ${position}`,
        queryId: null,
        rawStatus: FLURRY_STATUSES.WAITING,
        phase: 'queued',
        submittedAt: null,
        startedAt: null,
        endedAt: null,
        errorCode: null,
        errorMessage: null,
        rowCount: null,
        updatedAt: this.clock.now(),
        service: kind === 'job_service' ? { name: spec.serviceName ?? null, resolved: false, computePool: 'POOL', spec: null, replicas: 1 } : null,
        origin: 'flurry',
        ranBy: null,
      };
      this.jobs.set(job.id, job);
      return job;
    });
  }

  /** A job as the store holds it now. */
  job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`no job ${id} in the fake store`);
    return job;
  }

  private copies(ids: readonly string[]): Job[] {
    return [...new Set(ids)].flatMap((id) => (this.jobs.has(id) ? [structuredClone(this.job(id))] : []));
  }

  async listActiveJobs(): Promise<Job[]> {
    return this.copies([...this.jobs.values()].filter((job) => !isTerminal(job.phase)).map((job) => job.id));
  }

  async listUnreconciled(): Promise<Job[]> {
    const unreconciled = [...this.jobs.values()].filter(
      (job) => job.queryId && isTerminal(job.phase) && !this.reconciled.has(job.id) && (job.kind === 'query' || job.service?.resolved),
    );
    return this.copies(unreconciled.map((job) => job.id));
  }

  async batchJobs(batchId: string): Promise<Job[]> {
    const jobs = [...this.jobs.values()].filter((job) => job.batchId === batchId).sort((a, b) => a.position - b.position);
    return this.copies(jobs.map((job) => job.id));
  }

  async getJobs(ids: string[]): Promise<Job[]> {
    return this.copies(ids);
  }

  async recordSubmissions(submissions: Submission[]): Promise<{ recorded: Job[]; refused: Submission[] }> {
    const accepted = submissions.filter((s) => this.jobs.get(s.jobId)?.rawStatus === FLURRY_STATUSES.WAITING);
    for (const s of accepted) {
      const job = this.job(s.jobId);
      const rawStatus = ACCEPTED_STATUS[job.kind];
      Object.assign(job, { queryId: s.queryId, submittedAt: s.at, rawStatus, phase: phaseOf(job.kind, rawStatus), updatedAt: s.at });
    }
    return { recorded: this.copies(accepted.map((s) => s.jobId)), refused: submissions.filter((s) => !accepted.includes(s)) };
  }

  async recordStatusChanges(changes: StatusChange[]): Promise<Job[]> {
    const changed: string[] = [];
    for (const change of changes) {
      const job = this.jobs.get(change.jobId);
      if (!job || job.rawStatus === change.rawStatus || isTerminal(job.phase)) continue;
      if (change.onlyIf !== undefined && job.rawStatus !== change.onlyIf) continue;
      const phase = phaseOf(job.kind, change.rawStatus);
      Object.assign(job, {
        rawStatus: change.rawStatus,
        phase,
        updatedAt: change.at,
        startedAt: job.startedAt ?? (phase === 'running' ? change.at : null),
        endedAt: job.endedAt ?? (isTerminal(phase) ? change.at : null),
        errorCode: change.errorCode ?? job.errorCode,
        errorMessage: change.errorMessage ?? job.errorMessage,
      });
      changed.push(job.id);
    }
    return this.copies(changed);
  }

  async recordServiceNames(names: ServiceName[]): Promise<Job[]> {
    for (const { jobId, name } of names) {
      const job = this.jobs.get(jobId);
      if (job?.service) job.service = { ...job.service, name, resolved: true };
    }
    return this.copies(names.map((n) => n.jobId));
  }

  async applyWarehouseTimes(times: WarehouseTimes[]): Promise<Job[]> {
    for (const t of times) {
      const job = this.job(t.jobId);
      job.submittedAt = t.submittedAt ?? job.submittedAt;
      job.startedAt = t.startedAt ?? job.startedAt;
      job.endedAt = t.endedAt ?? job.endedAt;
      job.errorCode = t.errorCode ?? job.errorCode;
      job.errorMessage = t.errorMessage ?? job.errorMessage;
      job.rowCount = t.rowCount ?? job.rowCount;
      this.reconciled.add(t.jobId);
    }
    return this.copies(times.map((t) => t.jobId));
  }

  /** Each query not recorded yet becomes an external job of its own batch. */
  async importExternalQueries(queries: readonly ExternalQuery[]): Promise<Job[]> {
    const known = new Set([...this.jobs.values()].map((job) => job.queryId));
    const recorded = queries.filter((query) => !known.has(query.queryId)).map((query) => {
      const [job] = this.addBatch('parallel', [{ sql: query.sql }]);
      const rawStatus = importedStatus(query);
      Object.assign(job, { queryId: query.queryId, rawStatus, phase: phaseOf('query', rawStatus), origin: 'external', ranBy: query.ranBy });
      return job.id;
    });
    return this.copies(recorded);
  }
}
