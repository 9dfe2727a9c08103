/**
 * Runs one query to its outcome: checks it is a single statement, answers catalog statements
 * (catalog.ts) or rewrites Snowflake's dialect, waits out any hold, runs it on a pooled DuckDB
 * connection in the session's database and schema and stores its result. Cancelling
 * (the signal) interrupts DuckDB or the hold; the outcome is then ABORTED whatever happened.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BIGINT,
  ResultReturnType,
  StatementType,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
  type DuckDBType,
} from '@duckdb/node-api';
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import { splitStatements } from '@/lib/domain/sql/split-statements';
import { resultColumnNames } from '../dialect/column-names';
import { catalogStatement } from '../dialect/catalog-statements';
import { warehouseStatement } from '../dialect/warehouse-statements';
import { isTransactionControl, mayChangeSession } from '../dialect/query-type';
import type { DialectContext } from '../dialect/rewrite';
import { dmlResult, STATUS_COLUMN, statusMessage } from '../dialect/statement-results';
import { quoteIdentifier, significantTokens } from '../dialect/tokens';
import { inlineBinds } from '../dialect/inline-binds';
import { refuseNulCharacters } from '../dialect/nul-characters';
import { translate } from '../dialect/translate';
import { writeTarget } from '../dialect/write-target';
import type { Catalog, CatalogAnswer } from './catalog';
import type { ConnectionPool } from './connection-pool';
import type { TableWriteLocks } from './table-write-locks';
import type { ServiceStatements, TaskStatements } from './service-statements';
import { HISTORY_TABLE } from './history-schema';
import type { HistoryEntry, HistoryStore } from './history-store';
import { rowTypeFor } from './result-encoding';
import { dropResults, resultFile, storeRows, storeSelect, storeSelectPrefix } from './result-store';
import { fromDuckDBError, SnowflakeQueryError, snowflakeErrors } from './snowflake-errors';
import type { RowType, SessionTarget, SnowflakeError, SubmitRequest } from './types';
import type { Warehouses } from './warehouses';

export type Outcome =
  /** `final`: the session context a USE switched to. */
  | { status: 'SUCCESS'; rowCount: number; rowType: RowType[]; final?: SessionTarget }
  | { status: 'FAILED_WITH_ERROR'; error: SnowflakeError }
  | { status: 'ABORTED' };

type Success = Extract<Outcome, { status: 'SUCCESS' }>;

export interface RunnerDeps {
  pool: ConnectionPool;
  catalog: Catalog;
  warehouses: Warehouses;
  resultsDir: string;
  history: HistoryStore;
  now: () => number;
  cancelQuery: DialectContext['cancelQuery'];
  storedResult: DialectContext['storedResult'];
  services: ServiceStatements | null;
  tasks: TaskStatements | null;
  tableWriteLocks: TableWriteLocks;
}

const DML_TYPES = new Set([StatementType.INSERT, StatementType.UPDATE, StatementType.DELETE, StatementType.MERGE_INTO]);
const SELECT_WORDS = ['SELECT', 'WITH', 'VALUES', 'FROM'];

class Aborted extends Error {}

/** A written table's key, its name completed with the session's database and schema. */
function qualifiedTable(parts: string[], entry: HistoryEntry): string {
  return [entry.database, entry.schema].slice(0, 3 - parts.length).concat(parts).join('.');
}

export async function runQuery(
  entry: HistoryEntry,
  binds: NonNullable<SubmitRequest['binds']>,
  signal: AbortSignal,
  deps: RunnerDeps,
): Promise<Outcome> {
  const file = resultFile(deps.resultsDir, entry.id);
  let connection: DuckDBConnection | null = null;
  const interrupt = () => connection?.interrupt();
  signal.addEventListener('abort', interrupt);
  try {
    // Bind values become literals first, so every reader of the statement (job services, the
    // catalog, the dialect) sees the values, as Snowflake's own compiler would.
    refuseNulCharacters(entry.sqlText);
    const statement = inlineBinds(singleStatement(entry.sqlText), binds);
    const transactionControl = isTransactionControl(entry.queryType);
    // Tasks and job services answer their own statements; they may wait (EXECUTE TASK … AWAIT, a
    // synchronous job, SPCS_WAIT_FOR) without holding a connection.
    const session = { ...entry, queryId: entry.id };
    const served = transactionControl
      ? null
      : ((await deps.tasks?.answer(statement, session)) ?? (await deps.services?.answer(statement, session, signal)));
    const answer = transactionControl || served ? null : await answerCommand(statement, entry, signal, deps);
    const rewrite = transactionControl || answer || served ? null : await translate(statement, dialectContext(entry, deps));
    if (rewrite && rewrite.holdMs > 0) await sleep(rewrite.holdMs, undefined, { signal }).catch(() => undefined);
    if (signal.aborted) throw new Aborted();

    // The connection goes back to the pool before the lock is let go: a database detached
    // under the exclusive lock then finds every query connection idle (catalog.ts).
    const runOnDuckDB = () => deps.catalog.lock.withShared(async () => {
      const acquired = await deps.pool.acquire();
      connection = acquired;
      try {
        if (served) {
          await storeRows(acquired, file, served.types, served.rows);
          return success(served.rows.length, served.names, served.types);
        }
        if (answer) {
          if ('sql' in answer) return await execute(acquired, file, statement, answer.sql, entry);
          return { ...(await storeStatus(acquired, file, answer.message)), final: answer.final };
        }
        await useSchema(acquired, entry.database, entry.schema, deps.catalog);
        // The statement may switch schemas itself (SET search_path): switch back next time.
        if (mayChangeSession(entry.queryType)) currentSchema.delete(acquired);
        return rewrite
          ? await withRandomSeed(acquired, rewrite.randomSeed, () => execute(acquired, file, statement, rewrite.sql, entry))
          : await storeStatus(acquired, file, statusMessage(statement));
      } finally {
        connection = null;
        deps.pool.release(acquired, !signal.aborted);
      }
    }, signal);
    // An UPDATE, DELETE or MERGE waits for the table's other writers before it takes a connection.
    const target = rewrite ? writeTarget(rewrite.sql) : null;
    const outcome = target
      ? await deps.tableWriteLocks.withLock(qualifiedTable(target, entry), runOnDuckDB, signal)
      : await runOnDuckDB();
    if (signal.aborted) throw new Aborted();
    return outcome;
  } catch (error) {
    // A result written just before a cancel, or half written before a failure, must not remain.
    dropResults(deps.resultsDir, [entry.id]);
    if (signal.aborted || error instanceof Aborted) return { status: 'ABORTED' };
    return { status: 'FAILED_WITH_ERROR', error: fromDuckDBError(error, entry.sqlText, { database: entry.database }) };
  } finally {
    signal.removeEventListener('abort', interrupt);
  }
}

/**
 * Databases, schemas, warehouses, USE and ALTER SESSION are the engine's own; their answer is
 * known before DuckDB runs. Null for any other statement.
 */
async function answerCommand(statement: string, entry: HistoryEntry, signal: AbortSignal, deps: RunnerDeps): Promise<CatalogAnswer | null> {
  const command = catalogStatement(statement);
  if (command) return deps.catalog.run(command, entry, signal);
  const warehouseCommand = warehouseStatement(statement);
  return warehouseCommand && deps.warehouses.run(warehouseCommand, entry);
}

/**
 * A RANDOM(seed) statement runs with DuckDB's generator seeded (dialect/random.ts); the pooled
 * connection is reseeded at random afterwards, so later statements on it are random again.
 */
async function withRandomSeed<T>(connection: DuckDBConnection, seed: number | null, run: () => Promise<T>): Promise<T> {
  if (seed === null) return run();
  await connection.run(`SELECT setseed(${seed})`);
  try {
    return await run();
  } finally {
    await connection.run(`SELECT setseed(${Math.random() * 2 - 1})`).catch(() => undefined);
  }
}

function dialectContext(entry: HistoryEntry, deps: RunnerDeps): DialectContext {
  return {
    queryId: entry.id,
    sessionId: entry.sessionId,
    session: entry,
    isDatabase: (name) => deps.catalog.resolvesToDatabase(name),
    nowMs: deps.now(),
    cancelQuery: deps.cancelQuery,
    sessionQueryIds: (sessionId) => deps.history.sessionQueryIds(sessionId, entry.id),
    storedResult: deps.storedResult,
    historyTable: HISTORY_TABLE,
    flushHistory: () => deps.history.flush(),
    jobServices: deps.services?.jobHistory,
    tasks: deps.tasks?.tables,
  };
}

function singleStatement(sqlText: string): string {
  const statements = splitStatements(sqlText);
  if (statements.length === 0) throw new SnowflakeQueryError(snowflakeErrors.emptyStatement());
  if (statements.length > 1) throw new SnowflakeQueryError(snowflakeErrors.statementCount(statements.length));
  return statements[0].sql;
}

/** The schema each pooled connection was last switched to, so USE runs only on a change. */
const currentSchema = new WeakMap<DuckDBConnection, string>();

async function useSchema(connection: DuckDBConnection, database: string, schema: string, catalog: Catalog): Promise<void> {
  if (!catalog.has(database)) throw new SnowflakeQueryError(snowflakeErrors.databaseNotFound(database));
  const target = `${quoteIdentifier(database)}.${quoteIdentifier(schema)}`;
  if (currentSchema.get(connection) === target) return;
  currentSchema.delete(connection);
  try {
    await connection.run(`USE ${target}`);
  } catch {
    throw new SnowflakeQueryError(snowflakeErrors.schemaNotFound(`${database}.${schema}`));
  }
  currentSchema.set(connection, target);
}

/** Runs `sql` (the rewritten `statement`) for `query` and stores its result in `file`. */
async function execute(
  connection: DuckDBConnection,
  file: string,
  statement: string,
  sql: string,
  query: Pick<HistoryEntry, 'queryType' | 'database'>,
): Promise<Success> {
  const { database } = query;
  const prepared = await connection.prepare(sql).catch((error: unknown) => {
    throw new SnowflakeQueryError(fromDuckDBError(error, sql, { database }));
  });
  const first = significantTokens(sql)[0];
  const storedByDuckDB =
    prepared.statementType === StatementType.SELECT &&
    (isSymbol(first, '(') || SELECT_WORDS.some((word) => isWord(first, word)));
  if (storedByDuckDB) {
    const names = Array.from({ length: prepared.columnCount }, (_, i) => prepared.columnName(i));
    const types = names.map((_, i) => columnType(prepared, i));
    prepared.destroySync();
    const rowCount = await storeSelect(connection, file, sql, types).catch((error: unknown) => {
      throw new SnowflakeQueryError(fromDuckDBError(error, sql, { database, positionShift: storeSelectPrefix(types).length }));
    });
    return success(rowCount, resultColumnNames(statement, names), types);
  }

  const statementType = prepared.statementType;
  const result = await prepared.run().catch((error: unknown) => {
    throw new SnowflakeQueryError(fromDuckDBError(error, sql, { database }));
  });
  prepared.destroySync();
  if (DML_TYPES.has(statementType)) {
    const affected = Number((await result.getRows())[0]?.[0] ?? 0);
    const { names, values } = dmlResult(query.queryType, affected);
    const types = names.map(() => BIGINT);
    await storeRows(connection, file, types, [values]);
    return success(affected, names, types);
  }
  if (result.returnType === ResultReturnType.QUERY_RESULT) {
    const rows = await result.getRows();
    const types = result.columnTypes();
    await storeRows(connection, file, types, rows);
    return success(rows.length, resultColumnNames(statement, result.columnNames()), types);
  }
  return storeStatus(connection, file, statusMessage(statement));
}

async function storeStatus(connection: DuckDBConnection, file: string, message: string): Promise<Success> {
  await storeRows(connection, file, [VARCHAR], [[message]]);
  return success(1, [STATUS_COLUMN], [VARCHAR]);
}

function success(rowCount: number, names: string[], types: (DuckDBType | null)[]): Success {
  return { status: 'SUCCESS', rowCount, rowType: names.map((name, i) => rowTypeFor(name, types[i])) };
}

/** A prepared column's type, or null while it depends on a parameter not yet bound. */
function columnType(prepared: DuckDBPreparedStatement, index: number): DuckDBType | null {
  try {
    return prepared.columnType(index);
  } catch {
    return null;
  }
}
