/**
 * Runs one corpus case in a session of its own and compares what snowflake-sdk hands back with
 * the documented result. Numbers compare by value (the documentation prints a NUMBER's scale,
 * `3.500000`), VARIANT/OBJECT/ARRAY by their JSON, everything else by its text in the session's
 * output formats.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ConnectionOptions } from 'snowflake-sdk';
import { connect, destroy, type Connection, type Statement } from '@/lib/warehouse/sdk';
import type { Cell, CorpusCase } from './corpus-case';

export interface CaseOutcome {
  pass: boolean;
  /** What differed, for a failing case. */
  reason?: string;
  /** Every error message and result column name the warehouse answered with, for the leak check. */
  said: string[];
}

const AS_TEXT = ['String', 'Boolean', 'Number', 'Date', 'Buffer'] as const;
const JSON_TYPES = new Set(['variant', 'object', 'array', 'map']);

function run(connection: Connection, sqlText: string): Promise<{ statement: Statement; rows: unknown[][] }> {
  return new Promise((resolve, reject) => {
    connection.execute({
      sqlText,
      rowMode: 'array',
      fetchAsString: [...AS_TEXT],
      complete: (error, statement, rows) => (error ? reject(error) : resolve({ statement, rows: (rows ?? []) as unknown[][] })),
    });
  });
}

function cellMatches(actual: unknown, expected: Cell, type: string): boolean {
  if (expected === null) return actual === null;
  if (actual === null || actual === undefined) return false;
  if (JSON_TYPES.has(type)) {
    const wanted = typeof expected === 'string' ? safeParse(expected) : expected;
    return isDeepStrictEqual(typeof actual === 'string' ? safeParse(actual) : actual, wanted);
  }
  const text = String(actual);
  if (typeof expected === 'boolean') return text.toUpperCase() === String(expected).toUpperCase();
  if (typeof expected === 'object') return false;
  if (text === String(expected)) return true;
  const numeric = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
  if ((type === 'fixed' || type === 'real') && numeric.test(text) && numeric.test(String(expected))) {
    return Number(text) === Number(expected);
  }
  return false;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const sortKey = (row: unknown[]) => JSON.stringify(row);

function compareRows(actual: unknown[][], expected: Cell[][], types: string[], unordered: boolean): string | null {
  if (actual.length !== expected.length) return `${actual.length} rows, expected ${expected.length}: ${JSON.stringify(actual).slice(0, 400)}`;
  const got = unordered ? [...actual].sort((a, b) => sortKey(a).localeCompare(sortKey(b))) : actual;
  const want = unordered ? [...expected].sort((a, b) => sortKey(a).localeCompare(sortKey(b))) : expected;
  for (let r = 0; r < want.length; r += 1) {
    if (got[r].length !== want[r].length) return `row ${r + 1} has ${got[r].length} columns, expected ${want[r].length}`;
    for (let c = 0; c < want[r].length; c += 1) {
      if (!cellMatches(got[r][c], want[r][c], types[c])) {
        return `row ${r + 1} column ${c + 1} (${types[c]}): got ${JSON.stringify(got[r][c])}, expected ${JSON.stringify(want[r][c])}`;
      }
    }
  }
  return null;
}

function errorMatches(error: { code?: unknown; message?: string }, expected: NonNullable<CorpusCase['error']>): string | null {
  if (String(error.code) !== expected.code) return `error ${String(error.code)} "${error.message}", expected ${expected.code}`;
  const { message } = expected;
  if (message === undefined) return null;
  const ok = typeof message === 'string' ? (error.message ?? '').includes(message) : message.test(error.message ?? '');
  return ok ? null : `message "${error.message}" does not match ${String(message)}`;
}

/** Judges the case on `connection`, whose session is already in the case's own schema. */
export async function judgeCase(connection: Connection, corpusCase: CorpusCase): Promise<CaseOutcome> {
  const said: string[] = [];
  const outcome = (reason: string | null): CaseOutcome => (reason ? { pass: false, reason, said } : { pass: true, said });
  for (const statement of corpusCase.setup ?? []) {
    try {
      said.push(...columnNames((await run(connection, statement)).statement));
    } catch (error) {
      said.push((error as Error).message);
      return outcome(`setup "${statement.slice(0, 80)}" failed: ${(error as Error).message}`);
    }
  }
  let result: Awaited<ReturnType<typeof run>>;
  try {
    result = await run(connection, corpusCase.sql);
  } catch (error) {
    const failure = error as { code?: unknown; message?: string };
    said.push(failure.message ?? '');
    if (!corpusCase.error) return outcome(`failed: ${String(failure.code)} ${failure.message}`);
    return outcome(errorMatches(failure, corpusCase.error));
  }
  const columns = result.statement.getColumns() ?? [];
  const types = columns.map((column) => column.getType());
  const names = columnNames(result.statement);
  said.push(...names);
  if (corpusCase.error) return outcome(`succeeded, expected error ${corpusCase.error.code}: ${JSON.stringify(result.rows).slice(0, 200)}`);
  if (corpusCase.columns && !isDeepStrictEqual(names, corpusCase.columns)) {
    return outcome(`columns ${JSON.stringify(names)}, expected ${JSON.stringify(corpusCase.columns)}`);
  }
  if (corpusCase.types && !isDeepStrictEqual(types, corpusCase.types)) {
    return outcome(`types ${JSON.stringify(types)}, expected ${JSON.stringify(corpusCase.types)}`);
  }
  return outcome(corpusCase.rows ? compareRows(result.rows, corpusCase.rows, types, corpusCase.unordered ?? false) : null);
}

function columnNames(statement: Statement): string[] {
  return (statement.getColumns() ?? []).map((column) => column.getName());
}

/** Runs `sqlText` and returns what the warehouse said: its error message, or its column names. */
export async function answerOf(connection: Connection, sqlText: string): Promise<string[]> {
  try {
    return columnNames((await run(connection, sqlText)).statement);
  } catch (error) {
    return [(error as Error).message];
  }
}

let schemaCounter = 0;

/** Runs the case in a new session, in a new schema of its own (dropped afterwards). */
export async function runCase(options: ConnectionOptions, corpusCase: CorpusCase): Promise<CaseOutcome> {
  const connection = await connect({ ...options, representNullAsStringNull: false } as ConnectionOptions);
  const schema = `CORPUS_${process.pid}_${(schemaCounter += 1)}`;
  try {
    await run(connection, `CREATE SCHEMA ${schema}`);
    await run(connection, `USE SCHEMA ${schema}`);
    return await judgeCase(connection, corpusCase);
  } finally {
    await run(connection, `DROP SCHEMA IF EXISTS FLURRY.${schema}`).catch(() => undefined);
    await destroy(connection);
  }
}
