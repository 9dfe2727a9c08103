/**
 * Test support: a ScriptHost on an in-memory DuckDB, with a virtual clock. Expressions and child
 * queries really run (after the dialect's identifier and type-name rewrites, so Snowflake's
 * NUMBER(38,2) or FLOAT mean what they mean there); a test may script a child's outcome instead
 * (rows, an error) and give it a duration on the virtual clock. `drive(work)` moves the clock
 * whenever the block waits on nothing but running children, so concurrency is measured in
 * virtual time, never in wall-clock time.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { isWord } from '@/lib/domain/sql/lexer';
import { fromDuckDBError, SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { rowTypeFor } from '../engine/result-encoding';
import type { SnowflakeError } from '../engine/types';
import { resultColumnNames } from '../dialect/column-names';
import { significantTokens } from '../dialect/tokens';
import { snowflakeTypeNames } from '../dialect/type-names';
import { uppercaseIdentifiers } from '../dialect/uppercase-identifiers';
import type { ChildOutcome, ChildQuery, ChildRows, ScriptHost, ScriptValue } from './host';

/** What a test makes of a child query: how long it runs, and (instead of running it) its rows or error. */
export interface ScriptedChild {
  durationMs?: number;
  result?: ChildRows;
  error?: SnowflakeError;
}

interface Pending {
  queryId: string;
  due: number;
  finish: () => void;
  abort: () => void;
}

const DML = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'];

function snowflakeType(type: Parameters<typeof rowTypeFor>[1]): string {
  const column = rowTypeFor('', type);
  if (column.type === 'fixed') return `NUMBER(${column.precision},${column.scale})`;
  if (column.type === 'real') return 'FLOAT';
  if (column.type === 'text') return 'VARCHAR';
  if (column.type.startsWith('timestamp')) return `${column.type.toUpperCase()}(9)`;
  return column.type.toUpperCase();
}

function jsValue(value: unknown, type: string): ScriptValue['value'] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return type === 'DATE' ? value.toISOString().slice(0, 10) : value.toISOString().slice(0, 23).replace('T', ' ');
  return value as ScriptValue['value'];
}

export class MemoryHost implements ScriptHost {
  /** Every child's SQL, in the order started. */
  readonly started: string[] = [];
  /** Ids of the children cancel() was called for while they ran. */
  readonly cancelled: string[] = [];
  /** The virtual clock, in ms. */
  now = 0;
  /** Children running now, and the most that ever ran at once. */
  running = 0;
  maxRunning = 0;
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  private readonly pending: Pending[] = [];
  private readonly results = new Map<string, ChildRows>();
  /** DuckDB work in progress: the clock stands still meanwhile. */
  private busy = 0;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly connection: DuckDBConnection,
    private readonly script: (sql: string) => ScriptedChild | undefined,
  ) {}

  static async create(script: (sql: string) => ScriptedChild | undefined = () => undefined): Promise<MemoryHost> {
    const instance = await DuckDBInstance.create(':memory:', { errors_as_json: 'true' });
    return new MemoryHost(await instance.connect(), script);
  }

  /** Closes the database once the statements already queued on it have run. */
  async close(): Promise<void> {
    await this.queue;
    this.connection.closeSync();
  }

  /** Cancels the block's own query, as SYSTEM$CANCEL_QUERY would. */
  abort(): void {
    this.controller.abort();
  }

  start(sql: string): ChildQuery {
    const queryId = `child-${this.started.length + 1}`;
    this.started.push(sql);
    const scripted = this.script(sql) ?? {};
    const outcome = this.outcome(queryId, sql, scripted);
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    const ended = new Promise<ChildOutcome>((resolve) => {
      const end = (result: ChildOutcome) => {
        this.running -= 1;
        resolve(result);
      };
      const entry: Pending = {
        queryId,
        due: this.now + (scripted.durationMs ?? 0),
        finish: () => void outcome.then(end),
        abort: () => end({ status: 'ABORTED', queryId }),
      };
      if (scripted.durationMs) this.pending.push(entry);
      else entry.finish();
    });
    return { queryId, ended };
  }

  cancel(queryId: string): void {
    const at = this.pending.findIndex((entry) => entry.queryId === queryId);
    if (at === -1) return;
    this.cancelled.push(queryId);
    this.pending.splice(at, 1)[0].abort();
  }

  async rows(queryId: string): Promise<ChildRows> {
    const rows = this.results.get(queryId);
    if (!rows) throw new SnowflakeQueryError(snowflakeErrors.statementNotFound(queryId));
    return rows;
  }

  async evaluate(expression: string): Promise<ScriptValue> {
    const { rows } = await this.query(`SELECT ${expression}`);
    return rows[0][0];
  }

  /**
   * Awaits `work`, moving the virtual clock to the next child's end whenever nothing else is
   * happening (no expression being evaluated, a turn of the event loop passed).
   */
  async drive<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const done = work.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled || this.busy > 0 || this.pending.length === 0) continue;
      this.now = Math.min(...this.pending.map((entry) => entry.due));
      for (const entry of this.pending.filter((candidate) => candidate.due <= this.now)) {
        this.pending.splice(this.pending.indexOf(entry), 1);
        entry.finish();
      }
    }
    await done;
    return work;
  }

  /** The child's outcome: scripted, or the statement run now (its result kept for rows()). */
  private async outcome(queryId: string, sql: string, scripted: ScriptedChild): Promise<ChildOutcome> {
    if (scripted.error) return { status: 'FAILED_WITH_ERROR', queryId, error: scripted.error };
    try {
      const result = scripted.result ?? (await this.query(sql));
      this.results.set(queryId, result);
      const dml = DML.some((word) => isWord(significantTokens(sql)[0], word));
      const rowCount = dml ? Number(result.rows[0]?.[0]?.value ?? 0) : result.rows.length;
      return { status: 'SUCCESS', queryId, rowCount };
    } catch (error) {
      if (!(error instanceof SnowflakeQueryError)) throw error;
      return { status: 'FAILED_WITH_ERROR', queryId, error: error.snowflake };
    }
  }

  /** Runs one statement on DuckDB, one at a time (the connection runs one query at once). */
  private async query(snowflakeSql: string): Promise<ChildRows> {
    this.busy += 1;
    const run = this.queue.then(() => this.read(snowflakeSql));
    this.queue = run.catch(() => undefined);
    try {
      return await run;
    } finally {
      this.busy -= 1;
    }
  }

  private async read(snowflakeSql: string): Promise<ChildRows> {
    const sql = snowflakeTypeNames(uppercaseIdentifiers(snowflakeSql));
    const reader = await this.connection.runAndReadAll(sql).catch((error: unknown) => {
      throw new SnowflakeQueryError(fromDuckDBError(error, sql));
    });
    const types = reader.columnTypes().map(snowflakeType);
    const rows = reader.getRowsJS().map((row) => row.map((value, i) => ({ value: jsValue(value, types[i]), type: types[i] })));
    return { columns: resultColumnNames(sql, reader.columnNames()), rows };
  }
}
