/**
 * Runs one query to its outcome: checks it is a single statement, rewrites Snowflake's dialect,
 * waits out any hold, runs it on a pooled DuckDB connection and stores its result. Cancelling
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
import { isTransactionControl, mayChangeSession } from '../dialect/query-type';
import type { DialectContext } from '../dialect/rewrite';
import { dmlResult, STATUS_COLUMN, statusMessage } from '../dialect/statement-results';
import { quoteIdentifier, significantTokens } from '../dialect/tokens';
import { translate } from '../dialect/translate';
import type { ConnectionPool } from './connection-pool';
import { HISTORY_TABLE } from './history-schema';
import type { HistoryEntry, HistoryStore } from './history-store';
import { rowTypeFor } from './result-encoding';
import { dropResults, resultFile, storeRows, storeSelect, storeSelectPrefix } from './result-store';
import { fromDuckDBError, SnowflakeQueryError, snowflakeErrors } from './snowflake-errors';
import type { RowType, SnowflakeError } from './types';

export type Outcome =
  | { status: 'SUCCESS'; rowCount: number; rowType: RowType[] }
  | { status: 'FAILED_WITH_ERROR'; error: SnowflakeError }
  | { status: 'ABORTED' };

export interface RunnerDeps {
  pool: ConnectionPool;
  resultsDir: string;
  history: HistoryStore;
  now: () => number;
  cancelQuery: DialectContext['cancelQuery'];
  storedResult: DialectContext['storedResult'];
}

const DML_TYPES = new Set([StatementType.INSERT, StatementType.UPDATE, StatementType.DELETE, StatementType.MERGE_INTO]);
const SELECT_WORDS = ['SELECT', 'WITH', 'VALUES', 'FROM'];

class Aborted extends Error {}

export async function runQuery(
  entry: HistoryEntry,
  binds: unknown[],
  signal: AbortSignal,
  deps: RunnerDeps,
): Promise<Outcome> {
  const file = resultFile(deps.resultsDir, entry.id);
  let connection: DuckDBConnection | null = null;
  const interrupt = () => connection?.interrupt();
  signal.addEventListener('abort', interrupt);
  try {
    const statement = singleStatement(entry.sqlText);
    const context: DialectContext = {
      queryId: entry.id,
      binds,
      sessionId: entry.sessionId,
      nowMs: deps.now(),
      cancelQuery: deps.cancelQuery,
      sessionQueryIds: (sessionId) => deps.history.sessionQueryIds(sessionId, entry.id),
      storedResult: deps.storedResult,
      historyTable: HISTORY_TABLE,
      flushHistory: () => deps.history.flush(),
    };
    const rewrite = isTransactionControl(entry.queryType) ? null : await translate(statement, context);
    if (rewrite && rewrite.holdMs > 0) await sleep(rewrite.holdMs, undefined, { signal }).catch(() => undefined);
    if (signal.aborted) throw new Aborted();

    connection = await deps.pool.acquire();
    await useSchema(connection, entry.database, entry.schema);
    // The statement may switch schemas itself (USE, SET search_path): switch back next time.
    if (mayChangeSession(entry.queryType)) currentSchema.delete(connection);
    const outcome = rewrite
      ? await execute(connection, file, statement, rewrite.sql, entry.queryType)
      : await storeStatus(connection, file, statement);
    if (signal.aborted) throw new Aborted();
    return outcome;
  } catch (error) {
    // A result written just before a cancel, or half written before a failure, must not remain.
    dropResults(deps.resultsDir, [entry.id]);
    if (signal.aborted || error instanceof Aborted) return { status: 'ABORTED' };
    return { status: 'FAILED_WITH_ERROR', error: fromDuckDBError(error, entry.sqlText) };
  } finally {
    signal.removeEventListener('abort', interrupt);
    if (connection) deps.pool.release(connection, !signal.aborted);
  }
}

function singleStatement(sqlText: string): string {
  const statements = splitStatements(sqlText);
  if (statements.length === 0) throw new SnowflakeQueryError(snowflakeErrors.emptyStatement());
  if (statements.length > 1) throw new SnowflakeQueryError(snowflakeErrors.statementCount(statements.length));
  return statements[0].sql;
}

/** The schema each pooled connection was last switched to, so USE runs only on a change. */
const currentSchema = new WeakMap<DuckDBConnection, string>();

async function useSchema(connection: DuckDBConnection, database: string, schema: string): Promise<void> {
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

/** Runs `sql` (the rewritten `statement`) and stores its result in `file`. */
async function execute(
  connection: DuckDBConnection,
  file: string,
  statement: string,
  sql: string,
  queryType: string,
): Promise<Outcome> {
  const prepared = await connection.prepare(sql).catch((error: unknown) => {
    throw new SnowflakeQueryError(fromDuckDBError(error, sql));
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
      throw new SnowflakeQueryError(fromDuckDBError(error, sql, storeSelectPrefix(types).length));
    });
    return success(rowCount, resultColumnNames(statement, names), types);
  }

  const statementType = prepared.statementType;
  const result = await prepared.run().catch((error: unknown) => {
    throw new SnowflakeQueryError(fromDuckDBError(error, sql));
  });
  prepared.destroySync();
  if (DML_TYPES.has(statementType)) {
    const affected = Number((await result.getRows())[0]?.[0] ?? 0);
    const { names, values } = dmlResult(queryType, affected);
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
  return storeStatus(connection, file, statement);
}

async function storeStatus(connection: DuckDBConnection, file: string, statement: string): Promise<Outcome> {
  await storeRows(connection, file, [VARCHAR], [[statusMessage(statement)]]);
  return success(1, [STATUS_COLUMN], [VARCHAR]);
}

function success(rowCount: number, names: string[], types: (DuckDBType | null)[]): Outcome {
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
