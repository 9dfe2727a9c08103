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
import { isDml, isTransactionControl, mayChangeSession, statementTypeId } from '../dialect/query-type';
import type { DialectContext } from '../dialect/rewrite';
import { dmlResult, STATUS_COLUMN, statusMessage } from '../dialect/statement-results';
import { quoteIdentifier, significantTokens } from '../dialect/tokens';
import { inlineBinds } from '../dialect/inline-binds';
import { refuseNulCharacters } from '../dialect/nul-characters';
import { sessionStatement } from '../dialect/session-statements';
import { bindIdentifiers, bindVariables } from '../dialect/session-variables';
import { identifierLiterals } from '../dialect/identifier-function';
import type { StatementPlan } from '../dialect/plan-steps';
import { refuseMalformedTransaction } from '../dialect/transaction-control';
import { refuseContainerClone } from '../dialect/unsupported-statements';
import { searchPathWithFunctions } from '../dialect/functions';
import { translate } from '../dialect/translate';
import { writeTarget } from '../dialect/write-target';
import type { Catalog } from './catalog';
import type { ConnectionPool } from './connection-pool';
import type { TableWriteLocks } from './table-write-locks';
import type { ServiceStatements, TaskStatements } from './service-statements';
import { HISTORY_TABLE } from './history-schema';
import type { HistoryEntry, HistoryStore } from './history-store';
import { rowTypeFor } from './result-encoding';
import { dropResults, resultFile, storeRows, storeSelect, storeSelectPrefix } from './result-store';
import { answerSessionStatement, assignVariables, NO_SETTINGS, useTimeZone, type SessionAnswer } from './session-statements';
import { fromDuckDBError, SnowflakeQueryError, snowflakeErrors } from './snowflake-errors';
import { restoreDuplicateNames, runPlan } from './statement-plans';
import type { Outcome, SessionSettings, SubmitRequest } from './types';
import type { Procedures } from '../scripting/procedures';
import type { Warehouses } from './warehouses';

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
  /** CREATE, DROP, DESCRIBE and SHOW PROCEDURE(S). */
  procedures: Procedures;
  tableWriteLocks: TableWriteLocks;
  /** DuckDB's built-in function names (engine/database.ts). */
  engineFunctions: ReadonlySet<string>;
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
  settings: SessionSettings = NO_SETTINGS,
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
    if (transactionControl) refuseMalformedTransaction(statement);
    // Tasks and job services answer their own statements; they may wait (EXECUTE TASK … AWAIT, a
    // synchronous job, SPCS_WAIT_FOR) without holding a connection.
    const session = { ...entry, queryId: entry.id };
    const served = transactionControl
      ? null
      : ((await deps.procedures.answer(statement, session)) ??
        (await deps.tasks?.answer(statement, session)) ??
        (await deps.services?.answer(statement, session, signal)));
    // Session variables (IDENTIFIER($name), then $name) are bound before the engine or DuckDB reads
    // the statement; `named` still says `$name`, for result column names. A task's or a service's
    // statement keeps them for when it runs.
    const named = transactionControl || served ? statement : identifierLiterals(bindIdentifiers(statement, settings.variables));
    const resolved = transactionControl || served ? statement : bindVariables(named, settings.variables);
    refuseContainerClone(resolved);
    const answer = transactionControl || served ? null : await answerCommand(resolved, entry, settings, signal, deps);
    // SET is answered by running its values' query (session-statements.ts), rewritten like any query.
    const assignment = answer && 'assign' in answer ? answer : null;
    const command = answer && !('assign' in answer) ? answer : null;
    const rewrite =
      transactionControl || command || served ? null : await translate(assignment?.select ?? resolved, dialectContext(entry, deps));
    if (rewrite && rewrite.holdMs > 0) await sleep(rewrite.holdMs, undefined, { signal }).catch(() => undefined);
    if (signal.aborted) throw new Aborted();

    // The connection goes back to the pool before the lock is let go: a database detached
    // under the exclusive lock then finds every query connection idle (catalog.ts).
    const runOnDuckDB = () => deps.catalog.lock.withShared(async () => {
      const acquired = await deps.pool.acquire();
      connection = acquired;
      try {
        // A cancel that came while the connection was opening had nothing to interrupt.
        if (signal.aborted) throw new Aborted();
        await useTimeZone(acquired, settings);
        if (served) {
          await storeRows(acquired, file, served.types, served.rows);
          return success(served.rows.length, served.names, served.types);
        }
        if (command) {
          if ('sql' in command) return await execute(acquired, file, named, command.sql, entry);
          return { ...(await storeStatus(acquired, file, command.message)), final: command.final };
        }
        await useSchema(acquired, entry.database, entry.schema, deps.catalog);
        // The statement may switch schemas itself (SET search_path): switch back next time.
        if (mayChangeSession(entry.queryType)) currentSchema.delete(acquired);
        if (rewrite && assignment) {
          return await withRandomSeed(acquired, rewrite.randomSeed, () =>
            assignVariables(acquired, file, rewrite.sql, assignment, entry, settings, deps.now()),
          );
        }
        return rewrite
          ? await withRandomSeed(acquired, rewrite.randomSeed, () => execute(acquired, file, named, rewrite.sql, entry, rewrite.plan))
          : await storeStatus(acquired, file, statusMessage(named));
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
 * Databases, schemas, warehouses, USE, SET and ALTER SESSION are the engine's own; their answer
 * is known before DuckDB runs (SET's once its values' query has run). Null for any other statement.
 */
async function answerCommand(
  statement: string,
  entry: HistoryEntry,
  settings: SessionSettings,
  signal: AbortSignal,
  deps: RunnerDeps,
): Promise<SessionAnswer | null> {
  const session = sessionStatement(statement);
  if (session) return answerSessionStatement(session, entry, settings);
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
    engineFunctions: deps.engineFunctions,
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
    // USE sets the search path to the schema alone; the Snowflake functions come after it.
    await connection.run(searchPathWithFunctions(target));
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
  plan: StatementPlan | null = null,
): Promise<Success> {
  const { database } = query;
  if (plan) {
    const answer = await runPlan(connection, plan, { database, statement });
    if (answer.kind === 'status') return storeStatus(connection, file, answer.message);
    if (answer.kind === 'counts') {
      const types = answer.names.map(() => BIGINT);
      await storeRows(connection, file, types, [answer.counts]);
      return success(answer.rows, answer.names, types);
    }
    sql = answer.sql;
  }
  const prepared = await connection.prepare(sql).catch((error: unknown) => {
    throw new SnowflakeQueryError(fromDuckDBError(error, sql, { database, statement }));
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
      throw new SnowflakeQueryError(fromDuckDBError(error, sql, { database, statement, positionShift: storeSelectPrefix(types).length }));
    });
    return success(rowCount, await restoreDuplicateNames(connection, statement, resultColumnNames(statement, names)), types);
  }

  const statementType = prepared.statementType;
  const result = await prepared.run().catch((error: unknown) => {
    throw new SnowflakeQueryError(fromDuckDBError(error, sql, { database, statement }));
  });
  prepared.destroySync();
  // A DML answer only for a statement Snowflake counts as DML: its stored result is one row,
  // which the protocol promises only for DML (engine.ts); TRUNCATE runs as a DELETE in DuckDB.
  if (DML_TYPES.has(statementType) && isDml(statementTypeId(query.queryType))) {
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
