/**
 * The job body of the Snowflake-Labs async_job sample: read the source in batches of 10 rows in
 * id order, analyze each text, and merge the results into the result table by id, creating the
 * table or adding its missing columns first.
 */
import { execute, type Connection } from '../../lib/warehouse/sdk';
import type { JobArgs } from './args';
import {
  addResultColumn,
  countRows,
  createResultTable,
  describeColumns,
  mergeResults,
  readBatch,
  type BoundStatement,
} from './statements';
import { TASKS } from './tasks';

export const BATCH_SIZE = 10;

export interface Log {
  info(message: string): void;
}

// Snowflake's code for "Object … does not exist or not authorized".
const NO_SUCH_OBJECT = '002003';

async function run<R>(connection: Connection, statement: string | BoundStatement) {
  const { sql, binds } = typeof statement === 'string' ? { sql: statement, binds: undefined } : statement;
  return execute<R>(connection, sql, { binds, rowMode: 'array' });
}

async function existingColumns(connection: Connection, table: string): Promise<Set<string> | null> {
  try {
    const { statement } = await run(connection, describeColumns(table));
    return new Set((statement.getColumns() ?? []).map((column) => column.getName()));
  } catch (error) {
    if ((error as { code?: unknown }).code === NO_SUCH_OBJECT) return null;
    throw error;
  }
}

/** Makes sure the result table exists with every column this task writes (upper-case names, as the table reports them). */
async function prepareResultTable(connection: Connection, args: JobArgs, resultColumns: readonly string[], log: Log) {
  let columns = await existingColumns(connection, args.resultTable);
  if (columns === null) {
    await run(connection, createResultTable(args.resultTable, args.sourceTable, args.sourceIdColumn, resultColumns));
    log.info(`Created result table [${args.resultTable}]`);
    // Another job may have created it a moment earlier, with its own result columns.
    columns = (await existingColumns(connection, args.resultTable)) ?? new Set();
  }
  for (const column of resultColumns.filter((name) => !columns.has(name))) {
    await run(connection, addResultColumn(args.resultTable, column));
    log.info(`Added column ${column} to [${args.resultTable}]`);
  }
}

export async function runJob(connection: Connection, args: JobArgs, log: Log): Promise<void> {
  const [[database, schema]] = (await run<[string, string]>(connection, 'SELECT CURRENT_DATABASE(), CURRENT_SCHEMA()')).rows;
  log.info(`Connection succeeded. Current session context: database=${database}, schema=${schema}`);

  const total = Number((await run<[number]>(connection, countRows(args.sourceTable))).rows[0][0]);
  log.info(`Working with source table [${args.sourceTable}], containing ${total} rows`);

  const task = TASKS[args.task];
  log.info(`Initializing ${task.method}`);
  await prepareResultTable(connection, args, task.resultColumns, log);

  for (let first = 1; first <= total; first += BATCH_SIZE) {
    const last = first + BATCH_SIZE - 1;
    const { rows } = await run<[string | number, unknown]>(
      connection,
      readBatch(args.sourceTable, args.sourceIdColumn, args.sourceValueColumn, first, last),
    );
    log.info(`Loaded batch rows ${first} - ${last}`);
    if (rows.length === 0) break;
    const analyzed = rows.map(([id, value]) => [id, ...task.analyze(value == null ? '' : String(value))]);
    log.info(`Completed text analysis over ${analyzed.length} rows`);
    await run(connection, mergeResults(args.resultTable, args.sourceIdColumn, task.resultColumns, analyzed));
    log.info(`Merged ${args.task} data with table [${args.resultTable}]`);
  }
}
