/**
 * Every query's record, persisted in DuckDB (history-schema.ts). Status changes are queued and
 * written by one writer that coalesces them (a query's QUEUED and RUNNING rows often collapse
 * into one upsert), so submitting a burst of queries never waits on the disk. Lookups by id or
 * requestId see the latest state without waiting: they look at the entries not yet written
 * first. Scans (sessions, expiry) wait for the writes queued before them.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { Database } from './database';
import { ADDED_HISTORY_COLUMNS, HISTORY_COLUMN_NAMES, HISTORY_COLUMNS, HISTORY_TABLE, type HistoryColumn } from './history-schema';
import { staysInPlace } from './session-target';
import type { QueryRecord, QueryStatus, RowType, SessionTarget, SnowflakeError } from './types';

/** A record as the history keeps it: the query plus what its stored result looks like. */
export interface HistoryEntry extends QueryRecord {
  statementTypeId: number;
  /** The stored result's columns; null when it has no stored result (or it expired). */
  rowType: RowType[] | null;
}

interface Lookup {
  matches: (entry: HistoryEntry) => boolean;
  resolve: (entry: HistoryEntry | null) => void;
  reject: (error: unknown) => void;
}

const UNFINISHED: QueryStatus[] = ['QUEUED', 'RUNNING', 'ABORTING'];
/** Rows per upsert statement; keeps the bound parameter count modest. */
const BATCH = 200;

export class HistoryStore {
  private readonly pending = new Map<string, HistoryEntry>();
  /** The batch being written right now: no longer pending, not yet readable from DuckDB. */
  private inFlight: HistoryEntry[] = [];
  private draining: Promise<void> | null = null;
  /** requestId lookups waiting for the next batched read, with their callers. */
  private lookups = new Map<string, Lookup[]>();
  /** The writer connection runs one statement at a time; this chains them. */
  private writerQueue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly database: Database,
    private readonly writer: DuckDBConnection,
  ) {}

  static async open(database: Database): Promise<HistoryStore> {
    const writer = await database.connect();
    const columns = HISTORY_COLUMN_NAMES.map((name) => `${name} ${HISTORY_COLUMNS[name]}`).join(', ');
    await writer.run(`CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (${columns})`);
    for (const name of ADDED_HISTORY_COLUMNS) {
      await writer.run(`ALTER TABLE ${HISTORY_TABLE} ADD COLUMN IF NOT EXISTS ${name} ${HISTORY_COLUMNS[name]}`);
    }
    // Every query-request carries a requestId, and each submit looks it up to deduplicate.
    await writer.run(`CREATE INDEX IF NOT EXISTS QUERY_HISTORY_REQUEST_ID ON ${HISTORY_TABLE} (REQUEST_ID)`);
    return new HistoryStore(database, writer);
  }

  /** Queue the entry's current state for writing. */
  write(entry: HistoryEntry): void {
    this.pending.set(entry.id, { ...entry });
    this.draining ??= this.drain();
  }

  /** Resolves once everything written so far is in DuckDB. */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async get(queryId: string): Promise<HistoryEntry | null> {
    const unwritten = this.unwritten((entry) => entry.id === queryId);
    return unwritten ?? (await this.select(`QUERY_ID = ?`, [queryId]))[0] ?? null;
  }

  /**
   * The first query submitted with `requestId` that `matches` (the same user and SQL: a retry).
   * Lookups made together (a batch of submissions) are answered by one read.
   */
  async findByRequestId(requestId: string, matches: (entry: HistoryEntry) => boolean): Promise<HistoryEntry | null> {
    const unwritten = this.unwritten((entry) => entry.requestId === requestId && matches(entry));
    if (unwritten) return unwritten;
    if (this.lookups.size === 0) setImmediate(() => void this.lookUpRequestIds());
    return new Promise((resolve, reject) => {
      this.lookups.set(requestId, [...(this.lookups.get(requestId) ?? []), { matches, resolve, reject }]);
    });
  }

  private async lookUpRequestIds(): Promise<void> {
    const lookups = this.lookups;
    this.lookups = new Map();
    const requestIds = [...lookups.keys()];
    try {
      const rows = await this.select(
        `REQUEST_ID IN (${requestIds.map(() => '?').join(', ')}) ORDER BY QUEUED_MS`,
        requestIds,
      );
      for (const [requestId, waiting] of lookups) {
        for (const lookup of waiting) lookup.resolve(rows.find((entry) => entry.requestId === requestId && lookup.matches(entry)) ?? null);
      }
    } catch (error) {
      for (const waiting of lookups.values()) for (const lookup of waiting) lookup.reject(error);
    }
  }

  /** The session's query ids, oldest first, leaving out `exceptId`. */
  async sessionQueryIds(sessionId: number, exceptId: string): Promise<string[]> {
    await this.flush();
    return this.database.withConnection(async (connection) => {
      const result = await connection.run(
        `SELECT QUERY_ID FROM ${HISTORY_TABLE} WHERE SESSION_ID = ? AND QUERY_ID <> ? ORDER BY QUEUED_MS, QUERY_ID`,
        [sessionId, exceptId],
      );
      return (await result.getRows()).map((row) => String(row[0]));
    });
  }

  /** Ends every query a previous process left queued or running; returns their ids. */
  async failUnfinished(error: SnowflakeError, nowMs: number): Promise<string[]> {
    await this.flush();
    const statuses = UNFINISHED.map((status) => `'${status}'`).join(', ');
    return this.onWriter(async (writer) => {
      const result = await writer.run(
        `UPDATE ${HISTORY_TABLE} SET STATUS = 'FAILED_WITH_ERROR', ERROR_CODE = ?, SQL_STATE = ?, ERROR_MESSAGE = ?, ` +
          `ENDED_MS = ? WHERE STATUS IN (${statuses}) RETURNING QUERY_ID`,
        [error.code, error.sqlState, error.message, nowMs],
      );
      return (await result.getRows()).map((row) => String(row[0]));
    });
  }

  /** Ids of queries with a stored result that ended at or before `cutoffMs`. */
  async resultsEndedBy(cutoffMs: number): Promise<string[]> {
    await this.flush();
    return this.database.withConnection(async (connection) => {
      const result = await connection.run(
        `SELECT QUERY_ID FROM ${HISTORY_TABLE} WHERE RESULT_ROWTYPE IS NOT NULL AND ENDED_MS <= ?`,
        [cutoffMs],
      );
      return (await result.getRows()).map((row) => String(row[0]));
    });
  }

  async forgetResults(queryIds: string[]): Promise<void> {
    if (queryIds.length === 0) return;
    await this.flush();
    await this.onWriter((writer) =>
      writer.run(
        `UPDATE ${HISTORY_TABLE} SET RESULT_ROWTYPE = NULL WHERE QUERY_ID IN (${queryIds.map(() => '?').join(', ')})`,
        queryIds,
      ),
    );
  }

  /** Deletes these queries' history entirely, as if they never ran. */
  async forget(queryIds: string[]): Promise<void> {
    if (queryIds.length === 0) return;
    await this.flush();
    await this.onWriter((writer) => writer.run(`DELETE FROM ${HISTORY_TABLE} WHERE QUERY_ID IN (${queryIds.map(() => '?').join(', ')})`, queryIds));
  }

  /** Deletes history of queries that ended before `cutoffMs`. */
  async pruneEndedBefore(cutoffMs: number): Promise<void> {
    await this.flush();
    await this.onWriter((writer) => writer.run(`DELETE FROM ${HISTORY_TABLE} WHERE ENDED_MS < ?`, [cutoffMs]));
  }

  async close(): Promise<void> {
    await this.flush();
    await this.writerQueue;
    this.writer.closeSync();
  }

  private onWriter<T>(fn: (writer: DuckDBConnection) => Promise<T>): Promise<T> {
    const run = this.writerQueue.then(() => fn(this.writer));
    this.writerQueue = run.catch(() => undefined);
    return run;
  }

  /** The newest state of an entry still waiting to be written, if one matches. */
  private unwritten(matches: (entry: HistoryEntry) => boolean): HistoryEntry | null {
    const found = [...this.pending.values()].find(matches) ?? this.inFlight.find(matches);
    return found ? { ...found } : null;
  }

  private async select(where: string, values: DuckDBValue[]): Promise<HistoryEntry[]> {
    return this.database.withConnection(async (connection) => {
      const result = await connection.run(`SELECT * FROM ${HISTORY_TABLE} WHERE ${where}`, values);
      return (await result.getRowObjectsJS()).map((row) => fromRow(row as Record<HistoryColumn, unknown>));
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const batch = [...this.pending.values()].slice(0, BATCH);
        for (const entry of batch) this.pending.delete(entry.id);
        this.inFlight = batch;
        await this.upsert(batch);
        this.inFlight = [];
      }
    } finally {
      this.inFlight = [];
      this.draining = null;
    }
  }

  private async upsert(entries: HistoryEntry[]): Promise<void> {
    const row = `(${HISTORY_COLUMN_NAMES.map(() => '?').join(', ')})`;
    try {
      await this.onWriter((writer) =>
        writer.run(
          `INSERT OR REPLACE INTO ${HISTORY_TABLE} (${HISTORY_COLUMN_NAMES.join(', ')}) VALUES ${entries.map(() => row).join(', ')}`,
          entries.flatMap(toRow),
        ),
      );
    } catch (error) {
      // A failed history write must not take the warehouse down; the queries themselves ran.
      console.error(`local warehouse: could not write history for ${entries.length} queries:`, error);
    }
  }
}

function toRow(entry: HistoryEntry): DuckDBValue[] {
  const values: Record<HistoryColumn, DuckDBValue> = {
    QUERY_ID: entry.id,
    REQUEST_ID: entry.requestId,
    SESSION_ID: entry.sessionId,
    USER_NAME: entry.user,
    ROLE_NAME: entry.role,
    DATABASE_NAME: entry.database,
    SCHEMA_NAME: entry.schema,
    WAREHOUSE_NAME: entry.warehouse,
    QUERY_TAG: entry.queryTag,
    QUERY_TEXT: entry.sqlText,
    QUERY_TYPE: entry.queryType,
    STATUS: entry.status,
    ERROR_CODE: entry.error?.code ?? null,
    SQL_STATE: entry.error?.sqlState ?? null,
    ERROR_MESSAGE: entry.error?.message ?? null,
    QUEUED_MS: entry.queuedAt,
    STARTED_MS: entry.startedAt,
    ENDED_MS: entry.endedAt,
    ROW_COUNT: entry.rowCount,
    RESULT_ROWTYPE: entry.rowType ? JSON.stringify(entry.rowType) : null,
    STATEMENT_TYPE_ID: entry.statementTypeId,
    FINAL_CONTEXT: staysInPlace(entry.final, entry) ? null : JSON.stringify(entry.final),
    CHILD_QUERY_IDS: entry.childQueryIds.length > 0 ? entry.childQueryIds.join(',') : null,
  };
  return HISTORY_COLUMN_NAMES.map((name) => values[name]);
}

function fromRow(row: Record<HistoryColumn, unknown>): HistoryEntry {
  const text = (value: unknown) => (value === null ? '' : String(value));
  const number = (value: unknown) => (value === null ? null : Number(value));
  const ranIn: SessionTarget = {
    database: text(row.DATABASE_NAME),
    schema: text(row.SCHEMA_NAME),
    warehouse: text(row.WAREHOUSE_NAME),
    role: text(row.ROLE_NAME),
  };
  return {
    id: text(row.QUERY_ID),
    requestId: row.REQUEST_ID === null ? null : String(row.REQUEST_ID),
    sessionId: Number(row.SESSION_ID),
    user: text(row.USER_NAME),
    ...ranIn,
    queryTag: text(row.QUERY_TAG),
    sqlText: text(row.QUERY_TEXT),
    queryType: text(row.QUERY_TYPE),
    status: text(row.STATUS) as QueryStatus,
    queuedAt: Number(row.QUEUED_MS),
    startedAt: number(row.STARTED_MS),
    endedAt: number(row.ENDED_MS),
    error:
      row.ERROR_CODE === null
        ? null
        : { code: text(row.ERROR_CODE), sqlState: text(row.SQL_STATE), message: text(row.ERROR_MESSAGE) },
    rowCount: number(row.ROW_COUNT),
    statementTypeId: Number(row.STATEMENT_TYPE_ID),
    rowType: row.RESULT_ROWTYPE === null ? null : (JSON.parse(String(row.RESULT_ROWTYPE)) as RowType[]),
    final: row.FINAL_CONTEXT === null ? ranIn : (JSON.parse(String(row.FINAL_CONTEXT)) as SessionTarget),
    childQueryIds: row.CHILD_QUERY_IDS === null ? [] : String(row.CHILD_QUERY_IDS).split(','),
  };
}
