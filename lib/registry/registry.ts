import 'server-only';
/**
 * The dashboard's own record of every launch: batches, their jobs,
 * and each job's status transitions with their times, in a DuckDB file in the data directory.
 *
 * One writer connection behind a queue, so writes never interleave inside a transaction; each
 * read opens its own short connection and sees only committed data. Values are always bound.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { AuditEntry, AuditFilter, AuditRecord } from '@/lib/domain/audit';
import type { Batch, BatchMode, Job, JobDetail, JobFilter, JobKind, JobList, TimelineData, TimelineFilter } from '@/lib/domain/job';
import { externalBatchLabel, importedStatus, type ExternalQuery } from '@/lib/domain/query-history';
import { ACCEPTED_STATUS, FLURRY_STATUSES, isTerminal, phaseOf, type Phase } from '@/lib/domain/status';
import { appendAuditEntry, AUDIT_RETENTION, auditListQuery, pruneAuditLog, type AuditRetention } from './audit-log';
import { DEFAULT_JOB_LIMIT, MAX_JOB_LIMIT, TIMELINE_TITLE_CHARS } from './limits';
import { toAuditEntry, toBatch, toJob, toTimelineEntry, toTransition } from './rows';
import { SCHEMA } from './schema';

const TERMINAL_PHASES = ['succeeded', 'failed', 'cancelled', 'skipped'] as const satisfies readonly Phase[];

/** What a job service job records at launch, from its EXECUTE JOB SERVICE statement. */
export interface NewJobService {
  /** The NAME the statement gives (null: Snowflake picks JOB_<uuid>). */
  name: string | null;
  computePool: string;
  spec: string | null;
  replicas: number;
}

export interface NewJob {
  sql: string;
  kind: JobKind;
  service?: NewJobService;
}

export interface NewBatch {
  label: string | null;
  mode: BatchMode;
  jobs: NewJob[];
}

/** A job service's fully qualified name, once the warehouse has said it. */
export interface ServiceName {
  jobId: string;
  name: string;
}

export interface StatusChange {
  jobId: string;
  rawStatus: string;
  at: number;
  /** Only apply when the job still has this raw status (e.g. cancel or skip a WAITING job). */
  onlyIf?: string;
  errorCode?: string | null;
  errorMessage?: string | null;
}

export interface Submission {
  jobId: string;
  queryId: string;
  at: number;
}

/**
 * The warehouse's own account of a finished job: QUERY_HISTORY for a query, the job history and
 * the containers for a job service. A null leaves what the registry holds.
 */
export interface WarehouseTimes {
  jobId: string;
  submittedAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  rowCount: number | null;
}

/** What a job row takes from its batch. */
const BATCH_COLUMNS = 'b.label AS batch_label, b.mode AS batch_mode, b.origin, b.external_session';
const JOB_SELECT = `SELECT j.*, ${BATCH_COLUMNS} FROM jobs j JOIN batches b ON b.id = j.batch_id`;
const JOB_ORDER = 'ORDER BY b.created_at DESC, j.batch_id, j.position';

type Row = Record<string, unknown>;

/** `IN (…)` over many ids as one bound JSON list (see boundRows for why). */
const IDS_IN = `IN (SELECT unnest(from_json(?::JSON, '["VARCHAR"]')))`;

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** The WHERE clause of both the Jobs list and the Timeline: one filter shape, read the same way. */
function filterClause(filter: JobFilter & TimelineFilter, now = Date.now()): { where: string; values: DuckDBValue[] } {
  const parts: string[] = [];
  const values: DuckDBValue[] = [];
  if (filter.phases?.length) {
    parts.push(`j.phase IN (${placeholders(filter.phases.length)})`);
    values.push(...filter.phases);
  }
  if (filter.kinds?.length) {
    parts.push(`j.kind IN (${placeholders(filter.kinds.length)})`);
    values.push(...filter.kinds);
  }
  if (filter.origins?.length) {
    parts.push(`b.origin IN (${placeholders(filter.origins.length)})`);
    values.push(...filter.origins);
  }
  if (filter.batchId) {
    parts.push('j.batch_id = ?');
    values.push(filter.batchId);
  }
  const text = filter.text?.trim().toLowerCase();
  if (text) {
    const fields = ['j.sql', 'b.label', 'j.query_id', 'j.error_message', 'j.service_name'];
    parts.push(`(${fields.map((field) => `contains(lower(coalesce(${field}, '')), ?)`).join(' OR ')})`);
    values.push(...fields.map(() => text));
  }
  const label = filter.label?.trim().toLowerCase();
  if (label) {
    parts.push("contains(lower(coalesce(b.label, '')), ?)");
    values.push(label);
  }
  // A job overlaps the window if it was queued before the window ended and had not ended before it began.
  if (filter.until !== undefined) {
    parts.push('coalesce(j.submitted_at, b.created_at) <= ?');
    values.push(filter.until);
  }
  if (filter.since !== undefined) {
    parts.push('coalesce(j.ended_at, ?) >= ?');
    values.push(now, filter.since);
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', values };
}

export type Run = (sql: string, values?: DuckDBValue[]) => Promise<Row[]>;

export interface RegistryOptions {
  /** How many audit entries are kept (tests make it small). */
  auditRetention?: AuditRetention;
}

type Columns = Record<string, 'VARCHAR' | 'INTEGER' | 'BIGINT'>;
type RowValues = Record<string, string | number | null>;

/** The columns the warehouse's own record of a query fills: its times, error and row count. */
const WAREHOUSE_RECORD_COLUMNS = {
  submitted_at: 'BIGINT',
  started_at: 'BIGINT',
  ended_at: 'BIGINT',
  error_code: 'VARCHAR',
  error_message: 'VARCHAR',
  row_count: 'BIGINT',
} as const satisfies Columns;

/**
 * Rows for a bulk write, bound as ONE JSON parameter that DuckDB unpacks into typed columns.
 * Binding hundreds of parameters one by one is what makes a batch of a hundred jobs slow.
 */
function boundRows(columns: Columns, rows: RowValues[]): { sql: string; values: DuckDBValue[] } {
  const names = Object.keys(columns).join(', ');
  return {
    sql: `(SELECT ${names} FROM (SELECT unnest(from_json(?::JSON, '${JSON.stringify([columns])}'), recursive := true)))`,
    values: [JSON.stringify(rows)],
  };
}

interface Current {
  kind: JobKind;
  rawStatus: string;
  phase: Phase;
}

async function currentStatuses(run: Run, ids: string[]): Promise<Map<string, Current>> {
  const unique = [...new Set(ids)];
  const rows = await run(`SELECT id, kind, raw_status, phase FROM jobs WHERE id ${IDS_IN}`, [JSON.stringify(unique)]);
  return new Map(rows.map((row) => [String(row.id), { kind: row.kind as JobKind, rawStatus: String(row.raw_status), phase: row.phase as Phase }]));
}

async function insertTransitions(run: Run, transitions: { jobId: string; rawStatus: string; phase: Phase; at: number }[]): Promise<void> {
  const rows = boundRows(
    { job_id: 'VARCHAR', raw_status: 'VARCHAR', phase: 'VARCHAR', changed_at: 'BIGINT' },
    transitions.map((t) => ({ job_id: t.jobId, raw_status: t.rawStatus, phase: t.phase, changed_at: t.at })),
  );
  await run(`INSERT INTO transitions (job_id, raw_status, phase, changed_at) SELECT * FROM ${rows.sql}`, rows.values);
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

  private async read(sql: string, values: DuckDBValue[] = []): Promise<Row[]> {
    const connection = await this.instance.connect();
    try {
      const reader = await connection.runAndReadAll(sql, values);
      return reader.getRowObjectsJS() as Row[];
    } finally {
      connection.closeSync();
    }
  }

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

  private async jobsById(ids: string[]): Promise<Job[]> {
    if (ids.length === 0) return [];
    const rows = await this.read(`${JOB_SELECT} WHERE j.id ${IDS_IN} ${JOB_ORDER}`, [JSON.stringify(ids)]);
    return rows.map(toJob);
  }

  async createBatch(input: NewBatch, at = Date.now()): Promise<{ batch: Batch; jobs: Job[] }> {
    if (input.jobs.length === 0) throw new Error('A batch needs at least one statement.');
    const batchId = randomUUID();
    const jobIds = input.jobs.map(() => randomUUID());
    const waiting = FLURRY_STATUSES.WAITING;
    const phases = input.jobs.map((job) => phaseOf(job.kind, waiting));
    const jobs = boundRows(
      {
        id: 'VARCHAR',
        batch_id: 'VARCHAR',
        position: 'INTEGER',
        kind: 'VARCHAR',
        sql: 'VARCHAR',
        raw_status: 'VARCHAR',
        phase: 'VARCHAR',
        updated_at: 'BIGINT',
        service_name: 'VARCHAR',
        compute_pool: 'VARCHAR',
        spec: 'VARCHAR',
        replicas: 'INTEGER',
      },
      input.jobs.map((job, position) => ({
        id: jobIds[position],
        batch_id: batchId,
        position,
        kind: job.kind,
        sql: job.sql,
        raw_status: waiting,
        phase: phases[position],
        updated_at: at,
        service_name: job.service?.name ?? null,
        compute_pool: job.service?.computePool ?? null,
        spec: job.service?.spec ?? null,
        replicas: job.service?.replicas ?? null,
      })),
    );
    await this.write(async (run) => {
      await run('INSERT INTO batches (id, label, mode, created_at) VALUES (?, ?, ?, ?)', [batchId, input.label, input.mode, at]);
      await run(
        `INSERT INTO jobs (id, batch_id, position, kind, sql, raw_status, phase, updated_at, service_name, compute_pool, spec, replicas)
         SELECT * FROM ${jobs.sql}`,
        jobs.values,
      );
      await insertTransitions(run, jobIds.map((jobId, position) => ({ jobId, rawStatus: waiting, phase: phases[position], at })));
    });
    const batch: Batch = { id: batchId, label: input.label, mode: input.mode, createdAt: at, jobCount: jobIds.length };
    return { batch, jobs: await this.jobsById(jobIds) };
  }

  /**
   * Records that the warehouse accepted WAITING jobs as queries. A job that is no longer WAITING
   * (cancelled while its submission was in flight) is left alone and returned in `refused`: the
   * caller then cancels the query it just started.
   */
  async recordSubmissions(submissions: Submission[]): Promise<{ recorded: Job[]; refused: Submission[] }> {
    if (submissions.length === 0) return { recorded: [], refused: [] };
    const accepted = await this.write(async (run) => {
      const current = await currentStatuses(run, submissions.map((s) => s.jobId));
      const waiting = submissions.flatMap((s) => {
        const now = current.get(s.jobId);
        if (now?.rawStatus !== FLURRY_STATUSES.WAITING) return [];
        const rawStatus = ACCEPTED_STATUS[now.kind];
        return [{ ...s, rawStatus, phase: phaseOf(now.kind, rawStatus) }];
      });
      if (waiting.length === 0) return waiting;
      const updates = boundRows(
        { id: 'VARCHAR', query_id: 'VARCHAR', changed: 'BIGINT', raw_status: 'VARCHAR', phase: 'VARCHAR' },
        waiting.map((s) => ({ id: s.jobId, query_id: s.queryId, changed: s.at, raw_status: s.rawStatus, phase: s.phase })),
      );
      await run(
        `UPDATE jobs SET query_id = u.query_id, submitted_at = u.changed, raw_status = u.raw_status, phase = u.phase,
           updated_at = u.changed
         FROM ${updates.sql} AS u WHERE jobs.id = u.id`,
        updates.values,
      );
      await insertTransitions(run, waiting.map((s) => ({ jobId: s.jobId, rawStatus: s.rawStatus, phase: s.phase, at: s.at })));
      return waiting;
    });
    const acceptedIds = new Set(accepted.map((s) => s.jobId));
    return {
      recorded: await this.jobsById([...acceptedIds]),
      refused: submissions.filter((s) => !acceptedIds.has(s.jobId)),
    };
  }

  /**
   * Applies status changes in one transaction and returns the jobs whose status really changed.
   * A job that has ended keeps its final status: late or repeated reports change nothing.
   */
  async recordStatusChanges(changes: StatusChange[]): Promise<Job[]> {
    if (changes.length === 0) return [];
    const changedIds = await this.write(async (run) => {
      const current = await currentStatuses(run, changes.map((change) => change.jobId));
      const applied: (StatusChange & { phase: Phase })[] = [];
      for (const change of changes) {
        const now = current.get(change.jobId);
        if (!now || now.rawStatus === change.rawStatus || isTerminal(now.phase)) continue;
        if (change.onlyIf !== undefined && now.rawStatus !== change.onlyIf) continue;
        const phase = phaseOf(now.kind, change.rawStatus);
        current.set(change.jobId, { kind: now.kind, rawStatus: change.rawStatus, phase });
        applied.push({ ...change, phase });
      }
      if (applied.length === 0) return [];
      // Several changes to one job in a call: its row ends at the last, its history keeps all.
      const rows = new Map<string, RowValues>();
      for (const c of applied) {
        const earlier = rows.get(c.jobId);
        rows.set(c.jobId, {
          id: c.jobId,
          raw_status: c.rawStatus,
          phase: c.phase,
          changed: c.at,
          started_at: earlier?.started_at ?? (c.phase === 'running' ? c.at : null),
          ended_at: earlier?.ended_at ?? (isTerminal(c.phase) ? c.at : null),
          error_code: c.errorCode ?? earlier?.error_code ?? null,
          error_message: c.errorMessage ?? earlier?.error_message ?? null,
        });
      }
      const updates = boundRows(
        {
          id: 'VARCHAR',
          raw_status: 'VARCHAR',
          phase: 'VARCHAR',
          changed: 'BIGINT',
          started_at: 'BIGINT',
          ended_at: 'BIGINT',
          error_code: 'VARCHAR',
          error_message: 'VARCHAR',
        },
        [...rows.values()],
      );
      await run(
        `UPDATE jobs SET raw_status = u.raw_status, phase = u.phase, updated_at = u.changed,
           started_at = coalesce(jobs.started_at, u.started_at), ended_at = coalesce(jobs.ended_at, u.ended_at),
           error_code = coalesce(u.error_code, jobs.error_code), error_message = coalesce(u.error_message, jobs.error_message)
         FROM ${updates.sql} AS u WHERE jobs.id = u.id`,
        updates.values,
      );
      await insertTransitions(run, applied);
      return [...rows.keys()];
    });
    return this.jobsById(changedIds);
  }

  /** Replaces the times Flurry observed with the warehouse's own, and fills error and row count. */
  async applyWarehouseTimes(times: WarehouseTimes[], at = Date.now()): Promise<Job[]> {
    if (times.length === 0) return [];
    const updates = boundRows(
      { id: 'VARCHAR', ...WAREHOUSE_RECORD_COLUMNS, changed: 'BIGINT' },
      times.map((t) => ({
        id: t.jobId,
        submitted_at: t.submittedAt,
        started_at: t.startedAt,
        ended_at: t.endedAt,
        error_code: t.errorCode,
        error_message: t.errorMessage,
        row_count: t.rowCount,
        changed: at,
      })),
    );
    await this.write((run) =>
      run(
        `UPDATE jobs SET submitted_at = coalesce(u.submitted_at, jobs.submitted_at),
           started_at = coalesce(u.started_at, jobs.started_at), ended_at = coalesce(u.ended_at, jobs.ended_at),
           error_code = coalesce(u.error_code, jobs.error_code), error_message = coalesce(u.error_message, jobs.error_message),
           row_count = coalesce(u.row_count, jobs.row_count), warehouse_times = true, updated_at = u.changed
         FROM ${updates.sql} AS u WHERE jobs.id = u.id`,
        updates.values,
      ),
    );
    return this.jobsById(times.map((time) => time.jobId));
  }

  /**
   * Records queries other clients ran, each session's in one external batch: created with the
   * session's first query, later ones appended in the order they started. A query already
   * recorded is left alone, so overlapping reads of the history, or the same read again after a
   * restart, never record one twice. One that has ended keeps the history's times as the
   * warehouse's own. Returns the jobs it recorded.
   */
  async importExternalQueries(queries: readonly ExternalQuery[], at = Date.now()): Promise<Job[]> {
    if (queries.length === 0) return [];
    const jobIds = await this.write(async (run) => {
      const known = await run(`SELECT query_id FROM jobs WHERE query_id ${IDS_IN}`, [JSON.stringify(queries.map((q) => q.queryId))]);
      const knownIds = new Set(known.map((row) => String(row.query_id)));
      const fresh = [...new Map(queries.filter((q) => !knownIds.has(q.queryId)).map((q) => [q.queryId, q])).values()].sort(
        (a, b) => (a.queuedAt ?? at) - (b.queuedAt ?? at) || a.queryId.localeCompare(b.queryId),
      );
      if (fresh.length === 0) return [];

      const sessionOf = (q: ExternalQuery) => q.ranBy.sessionId ?? '';
      const sessions = [...new Set(fresh.map(sessionOf))];
      const existing = await run(
        `SELECT b.id, b.external_session, (SELECT coalesce(max(j.position), -1) FROM jobs j WHERE j.batch_id = b.id) AS last_position
         FROM batches b WHERE b.origin = 'external' AND b.external_session ${IDS_IN}`,
        [JSON.stringify(sessions)],
      );
      const batches = new Map(existing.map((row) => [String(row.external_session), { id: String(row.id), next: Number(row.last_position) + 1 }]));
      const newBatches: RowValues[] = [];
      const jobs: RowValues[] = [];
      for (const q of fresh) {
        let batch = batches.get(sessionOf(q));
        if (!batch) {
          batch = { id: randomUUID(), next: 0 };
          batches.set(sessionOf(q), batch);
          newBatches.push({ id: batch.id, label: externalBatchLabel(q.ranBy), created_at: q.queuedAt ?? at, external_session: sessionOf(q) });
        }
        const rawStatus = importedStatus(q);
        jobs.push({
          id: randomUUID(),
          batch_id: batch.id,
          position: batch.next++,
          sql: q.sql,
          query_id: q.queryId,
          raw_status: rawStatus,
          phase: phaseOf('query', rawStatus),
          submitted_at: q.queuedAt,
          started_at: q.startedAt,
          ended_at: q.endedAt,
          error_code: q.errorCode,
          error_message: q.errorMessage,
          row_count: q.rowCount,
          run_user: q.ranBy.user,
          run_role: q.ranBy.role,
          run_warehouse: q.ranBy.warehouse,
        });
      }
      if (newBatches.length > 0) {
        const rows = boundRows({ id: 'VARCHAR', label: 'VARCHAR', created_at: 'BIGINT', external_session: 'VARCHAR' }, newBatches);
        await run(
          `INSERT INTO batches (id, label, mode, created_at, origin, external_session)
           SELECT id, label, 'parallel', created_at, 'external', external_session FROM ${rows.sql}`,
          rows.values,
        );
      }
      const rows = boundRows(
        {
          id: 'VARCHAR',
          batch_id: 'VARCHAR',
          position: 'INTEGER',
          sql: 'VARCHAR',
          query_id: 'VARCHAR',
          raw_status: 'VARCHAR',
          phase: 'VARCHAR',
          ...WAREHOUSE_RECORD_COLUMNS,
          run_user: 'VARCHAR',
          run_role: 'VARCHAR',
          run_warehouse: 'VARCHAR',
        },
        jobs,
      );
      // An ended query's times are the history's, so it needs no reconciling; one still under way does.
      await run(
        `INSERT INTO jobs (id, batch_id, position, kind, sql, query_id, raw_status, phase, submitted_at, started_at, ended_at,
           error_code, error_message, row_count, warehouse_times, updated_at, run_user, run_role, run_warehouse)
         SELECT id, batch_id, position, 'query', sql, query_id, raw_status, phase, submitted_at, started_at, ended_at,
           error_code, error_message, row_count, ended_at IS NOT NULL, ?, run_user, run_role, run_warehouse FROM ${rows.sql}`,
        [at, ...rows.values],
      );
      await insertTransitions(run, jobs.map((job) => ({ jobId: String(job.id), rawStatus: String(job.raw_status), phase: job.phase as Phase, at })));
      return jobs.map((job) => String(job.id));
    });
    return this.jobsById(jobIds);
  }

  /** Records the fully qualified names the warehouse gave job services. */
  async recordServiceNames(names: ServiceName[], at = Date.now()): Promise<Job[]> {
    if (names.length === 0) return [];
    const updates = boundRows(
      { id: 'VARCHAR', service_name: 'VARCHAR', changed: 'BIGINT' },
      names.map((n) => ({ id: n.jobId, service_name: n.name, changed: at })),
    );
    await this.write((run) =>
      run(
        `UPDATE jobs SET service_name = u.service_name, service_resolved = true, updated_at = u.changed
         FROM ${updates.sql} AS u WHERE jobs.id = u.id AND jobs.kind = 'job_service'`,
        updates.values,
      ),
    );
    return this.jobsById(names.map((n) => n.jobId));
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
    const entry = { writes: this.writes, answer: this.readJobList(filter) };
    // Map order is insertion order: the least recently read filter goes first.
    this.lists.delete(key);
    this.lists.set(key, entry);
    if (this.lists.size > KEPT_LISTS) this.lists.delete(this.lists.keys().next().value as string);
    entry.answer.catch(() => {
      if (this.lists.get(key) === entry) this.lists.delete(key);
    });
    return entry.answer;
  }

  private async readJobList(filter: JobFilter): Promise<JobList> {
    const limit = Math.min(Math.max(1, filter.limit ?? DEFAULT_JOB_LIMIT), MAX_JOB_LIMIT);
    const { where, values } = filterClause(filter);
    const rows = await this.read(
      `SELECT j.*, ${BATCH_COLUMNS}, count(*) OVER () AS total
       FROM jobs j JOIN batches b ON b.id = j.batch_id ${where} ${JOB_ORDER} LIMIT ?`,
      [...values, limit],
    );
    return { jobs: rows.map(toJob), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /** The latest `limit` jobs that match, as Timeline bars. */
  async timeline(filter: TimelineFilter, limit: number, now = Date.now()): Promise<TimelineData> {
    const { where, values } = filterClause(filter, now);
    const rows = await this.read(
      `SELECT j.id, j.kind, j.batch_id, b.label AS batch_label, b.mode AS batch_mode, j.position, j.raw_status, j.phase,
         j.submitted_at, j.started_at, j.ended_at, count(*) OVER () AS total,
         CASE WHEN j.kind = 'job_service' AND j.service_name IS NOT NULL THEN j.service_name
              ELSE left(trim(regexp_replace(j.sql, '\\s+', ' ', 'g')), ${TIMELINE_TITLE_CHARS}) END AS title
       FROM jobs j JOIN batches b ON b.id = j.batch_id ${where} ${JOB_ORDER} LIMIT ?`,
      [...values, limit],
    );
    return { entries: rows.map(toTimelineEntry), total: rows.length ? Number(rows[0].total) : 0, now };
  }

  async getJob(id: string): Promise<JobDetail | null> {
    const [job] = await this.jobsById([id]);
    if (!job) return null;
    const transitions = await this.read('SELECT raw_status, phase, changed_at FROM transitions WHERE job_id = ? ORDER BY changed_at, rowid', [id]);
    return { ...job, transitions: transitions.map(toTransition) };
  }

  async getJobs(ids: string[]): Promise<Job[]> {
    return this.jobsById([...new Set(ids)]);
  }

  /** Every job of a batch, in position order. */
  async batchJobs(batchId: string): Promise<Job[]> {
    const rows = await this.read(`${JOB_SELECT} WHERE j.batch_id = ? ORDER BY j.position`, [batchId]);
    return rows.map(toJob);
  }

  async listBatches(limit = 50): Promise<Batch[]> {
    const rows = await this.read(
      `SELECT b.*, (SELECT count(*) FROM jobs j WHERE j.batch_id = b.id) AS job_count
       FROM batches b ORDER BY b.created_at DESC, b.id LIMIT ?`,
      [Math.min(Math.max(1, limit), MAX_JOB_LIMIT)],
    );
    return rows.map(toBatch);
  }

  /** Jobs still queued or running (WAITING included): what a tracker must watch or submit. */
  async listActiveJobs(): Promise<Job[]> {
    const rows = await this.read(
      `${JOB_SELECT} WHERE j.phase NOT IN (${placeholders(TERMINAL_PHASES.length)}) ${JOB_ORDER}`,
      [...TERMINAL_PHASES],
    );
    return rows.map(toJob);
  }

  /**
   * Ended jobs whose times are still the ones Flurry observed (the dashboard stopped before it
   * read the warehouse's): queries, and job services the warehouse named. A job service without a
   * name never existed (its statement failed): the warehouse has no times of its own for it.
   */
  async listUnreconciled(): Promise<Job[]> {
    const rows = await this.read(
      `${JOB_SELECT} WHERE j.query_id IS NOT NULL AND NOT j.warehouse_times
         AND (j.kind = 'query' OR (j.kind = 'job_service' AND j.service_resolved))
         AND j.phase IN (${placeholders(TERMINAL_PHASES.length)}) ${JOB_ORDER}`,
      [...TERMINAL_PHASES],
    );
    return rows.map(toJob);
  }
}
