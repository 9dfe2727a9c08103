import 'server-only';
/**
 * The dashboard's own record of every launch: batches, their jobs,
 * and each job's status transitions with their times, in a DuckDB file in the data directory.
 *
 * One writer connection behind a queue, so writes never interleave inside a transaction; each
 * read opens its own short connection and sees only committed data. Values are always bound.
 * This class holds the connections, the queue and the list cache; the SQL is in the modules it
 * calls (batch-writes, status-writes, warehouse-times, external-import, job-reads, audit-log).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { AuditEntry, AuditFilter, AuditRecord } from '@/lib/domain/audit';
import type { Batch, Job, JobDetail, JobFilter, JobList, TimelineData, TimelineFilter } from '@/lib/domain/job';
import type { ExternalQuery } from '@/lib/domain/query-history';
import { appendAuditEntry, AUDIT_RETENTION, auditListQuery, pruneAuditLog, type AuditRetention } from './audit-log';
import { acceptSubmissions, insertBatch } from './batch-writes';
import { insertExternalQueries } from './external-import';
import { activeJobs, jobDetail, jobList, jobsById, jobsOfBatch, latestBatches, timelineBars, unreconciledJobs } from './job-reads';
import { toAuditEntry } from './rows';
import { SCHEMA } from './schema';
import type { Row, Run } from './sql';
import { applyStatusChanges, writeServiceNames } from './status-writes';
import type { NewBatch, ServiceName, StatusChange, Submission, WarehouseTimes } from './types';
import { writeWarehouseTimes } from './warehouse-times';

// The tracker takes these with the class.
export type { ServiceName, StatusChange, WarehouseTimes } from './types';

export interface RegistryOptions {
  /** How many audit entries are kept (tests make it small). */
  auditRetention?: AuditRetention;
}

/** Job lists kept for reuse, by filter: the Jobs page's, and a few filtered ones. */
const KEPT_LISTS = 32;

export class Registry {
  private writeQueue: Promise<unknown> = Promise.resolve();
  private auditAppendsSincePrune = 0;
  /** Counts committed writes: a read made at the same count reads the same rows. */
  private writes = 0;
  /**
   * The last answer of listJobs per filter, reused while nothing has been written since. Every
   * open tab refetches its list after the same change; without this, each costs a sort of every
   * job (soak: ~40 ms of CPU at 1,000 jobs), so the cost grew with the number of tabs.
   */
  private readonly lists = new Map<string, { writes: number; answer: Promise<JobList> }>();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly auditRetention: AuditRetention,
  ) {}

  static async open(file: string, options: RegistryOptions = {}): Promise<Registry> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const instance = await DuckDBInstance.create(file);
    const writer = await instance.connect();
    for (const statement of SCHEMA) await writer.run(statement);
    // A file the last process did not close (a crash, or any stop: the Next server never closes
    // it) opens by replaying its write-ahead log into memory. The first checkpoint after that (at
    // close, or when the log outgrows its threshold) then writes those rows so that lookups by
    // batch or job id find nothing (DuckDB 1.5.6): jobs drop out of every list. Checkpointed at
    // once they are written correctly (registry-crash.test.ts).
    await writer.run('CHECKPOINT');
    const registry = new Registry(instance, writer, options.auditRetention ?? AUDIT_RETENTION);
    // The appends counted toward the next prune are lost with the process: catch up now.
    await registry.write((run) => pruneAuditLog(run, registry.auditRetention.keep));
    return registry;
  }

  close(): void {
    this.writer.closeSync();
    this.instance.closeSync();
  }

  /** Runs one read on its own short connection. */
  private readonly read: Run = async (sql, values = []) => {
    const connection = await this.instance.connect();
    try {
      const reader = await connection.runAndReadAll(sql, values);
      return reader.getRowObjectsJS() as Row[];
    } finally {
      connection.closeSync();
    }
  };

  /** Runs `work` in one transaction, after every write queued before it. */
  private write<T>(work: (run: Run) => Promise<T>): Promise<T> {
    const run: Run = async (sql, values = []) =>
      (await this.writer.runAndReadAll(sql, values)).getRowObjectsJS() as Row[];
    const next = this.writeQueue.then(async () => {
      await this.writer.run('BEGIN TRANSACTION');
      try {
        const result = await work(run);
        await this.writer.run('COMMIT');
        this.writes++;
        return result;
      } catch (error) {
        await this.writer.run('ROLLBACK');
        throw error;
      }
    });
    this.writeQueue = next.catch(() => undefined);
    return next;
  }

  async createBatch(input: NewBatch, at = Date.now()): Promise<{ batch: Batch; jobs: Job[] }> {
    if (input.jobs.length === 0) throw new Error('A batch needs at least one statement.');
    const { batch, jobIds } = await this.write((run) => insertBatch(run, input, at));
    return { batch, jobs: await jobsById(this.read, jobIds) };
  }

  /**
   * Records that the warehouse accepted WAITING jobs as queries. A job that is no longer WAITING
   * (cancelled while its submission was in flight) is left alone and returned in `refused`: the
   * caller then cancels the query it just started.
   */
  async recordSubmissions(submissions: Submission[]): Promise<{ recorded: Job[]; refused: Submission[] }> {
    if (submissions.length === 0) return { recorded: [], refused: [] };
    const acceptedIds = await this.write((run) => acceptSubmissions(run, submissions));
    return {
      recorded: await jobsById(this.read, [...acceptedIds]),
      refused: submissions.filter((s) => !acceptedIds.has(s.jobId)),
    };
  }

  /**
   * Applies status changes in one transaction and returns the jobs whose status really changed.
   * A job that has ended keeps its final status: late or repeated reports change nothing.
   */
  async recordStatusChanges(changes: StatusChange[]): Promise<Job[]> {
    if (changes.length === 0) return [];
    const changedIds = await this.write((run) => applyStatusChanges(run, changes));
    return jobsById(this.read, changedIds);
  }

  /** Replaces the times Flurry observed with the warehouse's own, and fills error and row count. */
  async applyWarehouseTimes(times: WarehouseTimes[], at = Date.now()): Promise<Job[]> {
    if (times.length === 0) return [];
    await this.write((run) => writeWarehouseTimes(run, times, at));
    return jobsById(this.read, times.map((time) => time.jobId));
  }

  /**
   * Records queries other clients ran, each session's in one external batch. A query already
   * recorded is left alone, so overlapping reads of the history, or the same read again after a
   * restart, never record one twice. Returns the jobs it recorded.
   */
  async importExternalQueries(queries: readonly ExternalQuery[], at = Date.now()): Promise<Job[]> {
    if (queries.length === 0) return [];
    const jobIds = await this.write((run) => insertExternalQueries(run, queries, at));
    return jobsById(this.read, jobIds);
  }

  /** Records the fully qualified names the warehouse gave job services. */
  async recordServiceNames(names: ServiceName[], at = Date.now()): Promise<Job[]> {
    if (names.length === 0) return [];
    await this.write((run) => writeServiceNames(run, names, at));
    return jobsById(this.read, names.map((n) => n.jobId));
  }

  /** Appends one audit entry (see lib/audit); now and then drops the oldest beyond the retention. */
  async appendAudit(record: AuditRecord, at = Date.now()): Promise<AuditEntry> {
    return this.write(async (run) => {
      const entry = await appendAuditEntry(run, record, at);
      if (++this.auditAppendsSincePrune >= this.auditRetention.pruneEvery) {
        this.auditAppendsSincePrune = 0;
        await pruneAuditLog(run, this.auditRetention.keep);
      }
      return entry;
    });
  }

  /** Audit entries newest first. */
  async listAudit(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const { sql, values } = auditListQuery(filter);
    return (await this.read(sql, values)).map(toAuditEntry);
  }

  /** The jobs that match, newest batch first; the same answer for the same filter until the next write. */
  listJobs(filter: JobFilter = {}): Promise<JobList> {
    const key = JSON.stringify(filter);
    const kept = this.lists.get(key);
    if (kept?.writes === this.writes) return kept.answer;
    const entry = { writes: this.writes, answer: jobList(this.read, filter) };
    // Map order is insertion order: the least recently read filter goes first.
    this.lists.delete(key);
    this.lists.set(key, entry);
    if (this.lists.size > KEPT_LISTS) this.lists.delete(this.lists.keys().next().value as string);
    entry.answer.catch(() => {
      if (this.lists.get(key) === entry) this.lists.delete(key);
    });
    return entry.answer;
  }

  /** The latest `limit` jobs that match, as Timeline bars. */
  async timeline(filter: TimelineFilter, limit: number, now = Date.now()): Promise<TimelineData> {
    return timelineBars(this.read, filter, limit, now);
  }

  async getJob(id: string): Promise<JobDetail | null> {
    return jobDetail(this.read, id);
  }

  async getJobs(ids: string[]): Promise<Job[]> {
    return jobsById(this.read, [...new Set(ids)]);
  }

  /** Every job of a batch, in position order. */
  async batchJobs(batchId: string): Promise<Job[]> {
    return jobsOfBatch(this.read, batchId);
  }

  async listBatches(limit = 50): Promise<Batch[]> {
    return latestBatches(this.read, limit);
  }

  /** Jobs still queued or running (WAITING included): what a tracker must watch or submit. */
  async listActiveJobs(): Promise<Job[]> {
    return activeJobs(this.read);
  }

  /** Ended jobs whose times are still the ones Flurry observed (see unreconciledJobs). */
  async listUnreconciled(): Promise<Job[]> {
    return unreconciledJobs(this.read);
  }
}
