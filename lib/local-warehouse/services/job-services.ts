/**
 * Compute pools and job services (https://docs.snowflake.com/en/sql-reference/sql/execute-job-service,
 * https://docs.snowflake.com/en/sql-reference/sql/create-compute-pool,
 * https://docs.snowflake.com/en/sql-reference/sql/show-services): what EXECUTE JOB SERVICE creates,
 * where it may run, and everything the SHOW / DESCRIBE / cancel / wait / logs statements read.
 * Records live in the system database (job-service-store.ts); running jobs are JobRuns of the
 * job runtime, started once the pool has room (placement.ts) and retried whenever a job ends or
 * a pool changes. Logs stay in `<jobsDir>/<job id>/` for as long as the job's metadata.
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExecuteJobService } from '@/lib/domain/spcs/execute-job-service';
import type { JobServiceStatus } from '@/lib/domain/spcs/job-status';
import { placeJob, UNSCHEDULABLE, type JobDemand, type RunningInstance } from '@/lib/domain/spcs/placement';
import type { CreateComputePool } from '@/lib/domain/spcs/service-statements';
import { validateSpec, type JobSpec } from '@/lib/domain/spcs/spec';
import { renderSpecTemplate } from '@/lib/domain/spcs/spec-template';
import type { ObjectName } from '@/lib/domain/sql/sql-reader';
import type { StatementSession } from '../engine/service-statements';
import { ImageError } from './image-store';
import { jobServiceErrors } from './job-service-errors';
import type { ContainerSnapshot, JobRecord, JobServiceStore, PoolRecord } from './job-service-store';
import type { LogLine } from './container-log';
import { readContainerLog, type JobRun, type JobRuntime } from './job-runtime';

/**
 * How long an ended job's metadata and logs are kept. Snowflake's current page says 30 days
 * (older and translated pages 14); we keep the longer.
 */
export const JOB_RETENTION_MS = 30 * 24 * 3600 * 1000;
/** SYSTEM$GET_SERVICE_LOGS returns at most 100 KB. */
export const SERVICE_LOG_LIMIT_BYTES = 100 * 1024;
export const RESTARTED_MESSAGE = 'The local warehouse restarted while the job was running; its containers ended with it.';
const TERMINAL: JobServiceStatus[] = ['DONE', 'FAILED', 'CANCELLED'];
const WAIT_POLL_MS = 100;

/** Who runs a statement and where. */
export type ServiceSession = StatementSession;
/** Where a statement runs: the database and schema that complete a job's name. */
type Where = Pick<ServiceSession, 'database' | 'schema'>;

/** One line of a job's container logs, as `<job>!SPCS_GET_LOGS()` returns it. */
export interface JobLogLine extends LogLine {
  instanceId: number;
  containerName: string;
}

export interface PoolView extends PoolRecord {
  state: 'IDLE' | 'ACTIVE';
  numJobs: number;
  activeNodes: number;
  idleNodes: number;
  targetNodes: number;
}

interface LiveJob {
  record: JobRecord;
  run: JobRun;
  demand: JobDemand;
  /** Node of each instance once placed; empty while PENDING. */
  nodes: number[];
  perInstance: RunningInstance['resources'] | null;
}

export interface JobServicesOptions {
  store: JobServiceStore;
  runtime: JobRuntime;
  /** Each job's folder is `<jobsDir>/<job id>`. */
  jobsDir: string;
  now?: () => number;
}

const STATUS_MESSAGES: Partial<Record<JobServiceStatus, string>> = {
  RUNNING: 'Running',
  DONE: 'Job completed successfully',
  CANCELLING: 'Cancelling',
  CANCELLED: 'Job was cancelled',
};

export class JobServices {
  private readonly pools = new Map<string, PoolRecord>();
  /** Every retained job, by id, oldest first. */
  private readonly jobs = new Map<string, JobRecord>();
  private readonly live = new Map<string, LiveJob>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly now: () => number;
  /**
   * Set by close(): jobs stopped because the warehouse stops keep their last saved status, so the
   * next start reports them as ended by the restart (a crash leaves them the same way).
   */
  private closing = false;

  private constructor(private readonly options: JobServicesOptions) {
    this.now = options.now ?? Date.now;
    this.sweeper = setInterval(() => void this.prune(), 3600_000);
    this.sweeper.unref();
  }

  /** Loads what the store holds; jobs that were pending or running died with the previous process. */
  static async open(options: JobServicesOptions): Promise<JobServices> {
    const services = new JobServices(options);
    for (const pool of await options.store.pools()) services.pools.set(pool.name, pool);
    for (const job of await options.store.jobs()) {
      services.jobs.set(job.id, job);
      if (!TERMINAL.includes(job.status)) services.failRestarted(job);
    }
    await services.prune();
    return services;
  }

  get store(): JobServiceStore {
    return this.options.store;
  }

  jobDir(job: JobRecord): string {
    return path.join(this.options.jobsDir, job.id);
  }

  // ── compute pools ──────────────────────────────────────────────────────────────────────────

  createPool(statement: CreateComputePool, owner: string): string {
    if (this.pools.has(statement.name)) {
      if (statement.ifNotExists) return `${statement.name} already exists, statement succeeded.`;
      throw jobServiceErrors.alreadyExists(statement.name);
    }
    const now = this.now();
    const pool: PoolRecord = {
      name: statement.name,
      minNodes: statement.minNodes,
      maxNodes: statement.maxNodes,
      instanceFamily: statement.instanceFamily,
      autoResume: statement.autoResume,
      autoSuspendSecs: statement.autoSuspendSecs,
      comment: statement.comment,
      owner,
      createdMs: now,
      updatedMs: now,
    };
    this.pools.set(pool.name, pool);
    this.store.savePool(pool);
    return `Compute Pool ${pool.name} successfully created.`;
  }

  pool(name: string): PoolView {
    const pool = this.pools.get(name);
    if (!pool) throw jobServiceErrors.poolNotFound(name);
    const jobs = this.liveIn(name);
    const activeNodes = new Set(jobs.flatMap((job) => job.nodes)).size;
    const targetNodes = Math.min(pool.maxNodes, Math.max(pool.minNodes, activeNodes));
    return {
      ...pool,
      state: jobs.length > 0 ? 'ACTIVE' : 'IDLE',
      numJobs: jobs.length,
      activeNodes,
      idleNodes: targetNodes - activeNodes,
      targetNodes,
    };
  }

  listPools(): PoolView[] {
    return [...this.pools.keys()].sort().map((name) => this.pool(name));
  }

  dropPool(name: string, ifExists: boolean): string {
    if (!this.pools.has(name)) {
      if (ifExists) return `Compute pool ${name} does not exist or was already dropped.`;
      throw jobServiceErrors.poolNotFound(name);
    }
    const running = this.liveIn(name).length;
    if (running > 0) throw jobServiceErrors.poolBusy(name, running);
    this.pools.delete(name);
    this.store.deletePool(name);
    return `${name} successfully dropped.`;
  }

  /** ALTER COMPUTE POOL … STOP ALL: cancels every job of the pool and waits for them to end. */
  async stopAll(name: string): Promise<string> {
    this.pool(name);
    await Promise.all(this.liveIn(name).map((job) => job.run.cancel()));
    return 'Statement executed successfully.';
  }

  // ── job services ───────────────────────────────────────────────────────────────────────────

  /** Creates the job; a synchronous one resolves when it ends, an ASYNC one at once. */
  async execute(statement: ExecuteJobService, session: ServiceSession, signal: AbortSignal): Promise<JobRecord> {
    const pool = this.pools.get(statement.computePool);
    if (!pool) throw jobServiceErrors.poolNotFound(statement.computePool);
    const specText = renderedSpec(statement);
    const validation = validateSpec(specText, { runsOnHost: true });
    if (!validation.ok) throw jobServiceErrors.invalidSpec(validation.errors);
    const spec = validation.spec;
    const demand: JobDemand = { replicas: statement.replicas, containers: spec.containers };
    const fit = placeJob(pool, [], demand);
    if (!fit.ok && fit.neverFits) throw jobServiceErrors.neverFits(pool.name, pool.instanceFamily);

    const target = qualify(statement.name, session);
    const name = statement.name?.name ?? `JOB_${session.queryId.replace(/-/g, '').toUpperCase()}`;
    const fullName = `${target.database}.${target.schema}.${name}`;
    if (this.visible().some((job) => fullNameOf(job) === fullName)) throw jobServiceErrors.alreadyExists(fullName);

    const now = this.now();
    const record: JobRecord = {
      id: session.queryId,
      queryId: session.queryId,
      name,
      ...target,
      computePool: pool.name,
      status: 'PENDING',
      message: 'Waiting to start',
      spec: specText,
      specDigest: createHash('sha256').update(specText).digest('hex'),
      replicas: statement.replicas,
      async: statement.async,
      queryWarehouse: statement.queryWarehouse,
      comment: statement.comment,
      externalAccessIntegrations: statement.externalAccessIntegrations,
      owner: session.role,
      createdMs: now,
      updatedMs: now,
      completedMs: null,
      deletedMs: null,
      containers: [],
    };
    const run = await this.prepare(record, spec, session);
    // Another statement may have taken the name while the images were being resolved.
    if (this.visible().some((other) => fullNameOf(other) === fullName)) {
      await run.cancel();
      throw jobServiceErrors.alreadyExists(fullName);
    }
    const job: LiveJob = { record, run, demand, nodes: [], perInstance: null };
    this.jobs.set(record.id, record);
    this.live.set(record.id, job);
    record.containers = snapshot(run);
    this.store.saveJob(record);
    void run.ended.then((status) => this.finish(job, status));
    this.schedule();

    if (statement.async) return record;
    const cancel = () => void run.cancel();
    signal.addEventListener('abort', cancel);
    try {
      const status = await run.ended;
      if (status !== 'DONE') throw jobServiceErrors.jobEnded(fullName, status, record.message);
      return record;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }

  /** A job visible to SHOW / DESCRIBE (not dropped), by the name a statement gives. */
  find(name: ObjectName, session: Where): JobRecord {
    const job = this.lookup(name, session);
    if (!job) throw jobServiceErrors.serviceNotFound(qualifiedText(name, session));
    return job;
  }

  lookup(name: ObjectName, session: Where): JobRecord | undefined {
    const target = qualify(name, session);
    const fullName = `${target.database}.${target.schema}.${name.name}`;
    return this.visible().find((job) => fullNameOf(job) === fullName);
  }

  /** Jobs SHOW SERVICES lists, oldest first. */
  visible(): JobRecord[] {
    return [...this.jobs.values()].filter((job) => job.deletedMs === null);
  }

  /** Asks the job to stop; it is CANCELLING until its containers have ended, then CANCELLED. */
  cancel(job: JobRecord): void {
    const live = this.live.get(job.id);
    if (live) void live.run.cancel();
  }

  async drop(name: ObjectName, ifExists: boolean, session: ServiceSession): Promise<string> {
    const job = this.lookup(name, session);
    if (!job) {
      if (ifExists) return `Service ${name.name} does not exist or was already dropped.`;
      throw jobServiceErrors.serviceNotFound(qualifiedText(name, session));
    }
    const live = this.live.get(job.id);
    if (live) await live.run.cancel();
    job.deletedMs = this.now();
    this.store.saveJob(job);
    return `${job.name} successfully dropped.`;
  }

  /** CALL job!SPCS_WAIT_FOR: resolves once the job has `wanted`, else an error with its status. */
  async waitFor(job: JobRecord, wanted: JobServiceStatus, seconds: number, signal: AbortSignal): Promise<JobServiceStatus> {
    const deadline = this.now() + seconds * 1000;
    const fullName = fullNameOf(job);
    for (;;) {
      if (job.status === wanted) return wanted;
      if (TERMINAL.includes(job.status)) throw jobServiceErrors.unreachable(fullName, wanted, job.status);
      const left = deadline - this.now();
      if (left <= 0) throw jobServiceErrors.waitTimedOut(fullName, wanted, seconds, job.status);
      await sleep(Math.min(WAIT_POLL_MS, left), undefined, { signal });
    }
  }

  /** What SHOW SERVICE CONTAINERS shows: live while the job runs, else as it last was. */
  containers(job: JobRecord): ContainerSnapshot[] {
    const live = this.live.get(job.id);
    return live ? snapshot(live.run) : job.containers;
  }

  /** SYSTEM$GET_SERVICE_LOGS: the container's last `lines` lines (all by default), at most 100 KB. */
  async logs(job: JobRecord, instanceId: string, containerName: string, lines?: number): Promise<string> {
    const container = this.containers(job).find((c) => c.instanceId === instanceId && c.containerName === containerName);
    if (!container) throw jobServiceErrors.noSuchContainer(fullNameOf(job), instanceId, containerName);
    const live = this.live.get(job.id);
    const logLines = live
      ? await live.run.readLog(Number(instanceId), containerName, lines)
      : await readContainerLog(this.jobDir(job), Number(instanceId), containerName, lines);
    return lastBytes(
      logLines.map((line) => line.text).join('\n'),
      SERVICE_LOG_LIMIT_BYTES,
    );
  }

  /**
   * SYSTEM$GET_SERVICE_STATUS: a JSON array with one object per container of each instance. With
   * a timeout, waits up to that many seconds for every container to leave PENDING (or the job to
   * end), then answers the status as it is.
   */
  async statusJson(job: JobRecord, timeoutSeconds: number, signal: AbortSignal): Promise<string> {
    const deadline = this.now() + timeoutSeconds * 1000;
    const steady = () => TERMINAL.includes(job.status) || this.containers(job).every((container) => container.status !== 'PENDING');
    while (!steady() && this.now() < deadline) {
      await sleep(Math.min(WAIT_POLL_MS, deadline - this.now()), undefined, { signal });
    }
    return JSON.stringify(
      this.containers(job).map((container) => ({
        status: container.status,
        message: container.message,
        containerName: container.containerName,
        instanceId: container.instanceId,
        serviceName: job.name,
        image: container.imageName,
        restartCount: container.restartCount,
        startTime: container.startTime === null ? null : new Date(container.startTime).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      })),
    );
  }

  /** Every log line of the job's containers (SPCS_GET_LOGS), instance by instance, oldest first in each. */
  async logLines(job: JobRecord): Promise<JobLogLine[]> {
    const live = this.live.get(job.id);
    const lines: JobLogLine[] = [];
    const seen = new Set<string>();
    for (const container of this.containers(job)) {
      const key = `${container.instanceId}/${container.containerName}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const instanceId = Number(container.instanceId);
      const read = live
        ? await live.run.readLog(instanceId, container.containerName)
        : await readContainerLog(this.jobDir(job), instanceId, container.containerName);
      lines.push(...read.map((line) => ({ ...line, instanceId, containerName: container.containerName })));
    }
    return lines;
  }

  /** Cancels every job still running and waits for their containers to end. */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.closing = true;
    await Promise.all([...this.live.values()].map((job) => job.run.cancel()));
    await this.store.flush();
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  private async prepare(record: JobRecord, spec: JobSpec, session: ServiceSession): Promise<JobRun> {
    try {
      return await this.options.runtime.prepare({
        serviceName: record.name,
        database: record.database,
        schema: record.schema,
        owner: { user: session.user, role: session.role, warehouse: record.queryWarehouse ?? session.warehouse },
        replicas: record.replicas,
        spec,
        jobDir: this.jobDir(record),
        onStatusChange: (status) => this.update(record, status),
      });
    } catch (error) {
      if (error instanceof ImageError) throw jobServiceErrors.image(error.message);
      throw error;
    }
  }

  private liveIn(pool: string): LiveJob[] {
    return [...this.live.values()].filter((job) => job.record.computePool === pool);
  }

  /** Starts every pending job that now fits its pool, oldest first. */
  private schedule(): void {
    for (const job of this.live.values()) {
      if (job.perInstance !== null || job.record.status !== 'PENDING') continue;
      const pool = this.pools.get(job.record.computePool);
      if (!pool) continue;
      const running = this.liveIn(pool.name).flatMap((other) =>
        other.perInstance ? other.nodes.map((node) => ({ node, resources: other.perInstance! })) : [],
      );
      const placement = placeJob(pool, running, job.demand);
      if (placement.ok) {
        job.nodes = placement.nodes;
        job.perInstance = placement.perInstance;
        job.run.start();
      } else if (job.record.message !== UNSCHEDULABLE) {
        job.record.message = UNSCHEDULABLE;
        job.record.updatedMs = this.now();
        this.store.saveJob(job.record);
      }
    }
  }

  private update(record: JobRecord, status: JobServiceStatus): void {
    record.status = status;
    record.updatedMs = this.now();
    const live = this.live.get(record.id);
    if (live) record.containers = snapshot(live.run);
    record.message = STATUS_MESSAGES[status] ?? failureMessage(record.containers) ?? record.message;
    this.save(record);
  }

  private save(record: JobRecord): void {
    if (!this.closing) this.store.saveJob(record);
  }

  private finish(job: LiveJob, status: JobServiceStatus): void {
    this.update(job.record, status);
    job.record.completedMs = this.now();
    this.save(job.record);
    this.live.delete(job.record.id);
    if (!this.closing) this.schedule();
  }

  private failRestarted(job: JobRecord): void {
    const now = this.now();
    job.status = 'FAILED';
    job.message = RESTARTED_MESSAGE;
    job.updatedMs = now;
    job.completedMs = now;
    job.containers = job.containers.map((container) =>
      container.status === 'DONE' || container.status === 'FAILED'
        ? container
        : { ...container, status: 'FAILED', instanceStatus: 'FAILED', message: RESTARTED_MESSAGE },
    );
    this.store.saveJob(job);
  }

  private async prune(): Promise<void> {
    const expired = await this.store.pruneCompletedBefore(this.now() - JOB_RETENTION_MS);
    for (const id of expired) {
      const job = this.jobs.get(id);
      this.jobs.delete(id);
      if (job) await rm(this.jobDir(job), { recursive: true, force: true });
    }
  }
}

function renderedSpec(statement: ExecuteJobService): string {
  switch (statement.spec.kind) {
    case 'inline':
      return statement.spec.text;
    case 'template': {
      const rendered = renderSpecTemplate(statement.spec.text, statement.spec.using);
      if (!rendered.ok) throw jobServiceErrors.invalidTemplate(rendered.errors);
      return rendered.text;
    }
    default:
      throw jobServiceErrors.stageSpec();
  }
}

function qualify(name: ObjectName | null, session: Where): { database: string; schema: string } {
  return { database: name?.database ?? session.database, schema: name?.schema ?? session.schema };
}

function qualifiedText(name: ObjectName, session: Where): string {
  const target = qualify(name, session);
  return `${target.database}.${target.schema}.${name.name}`;
}

export function fullNameOf(job: JobRecord): string {
  return `${job.database}.${job.schema}.${job.name}`;
}

function snapshot(run: JobRun): ContainerSnapshot[] {
  return run.containers().map((row) => ({
    instanceId: row.instanceId,
    instanceStatus: row.instanceStatus,
    containerName: row.containerName,
    status: row.status,
    message: row.message,
    imageName: row.imageName,
    imageDigest: row.imageDigest,
    restartCount: row.restartCount,
    startTime: row.startTime,
    lastExitCode: row.lastExitCode,
  }));
}

function failureMessage(containers: ContainerSnapshot[]): string | undefined {
  const failed = containers.find((container) => container.status === 'FAILED');
  return failed && `Container ${failed.containerName} of instance ${failed.instanceId}: ${failed.message}`;
}

/** The end of `text` that fits in `limit` UTF-8 bytes, starting at a whole line. */
function lastBytes(text: string, limit: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return text;
  const tail = bytes.subarray(bytes.length - limit).toString('utf8');
  const newline = tail.indexOf('\n');
  return newline === -1 ? tail : tail.slice(newline + 1);
}
