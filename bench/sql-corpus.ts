/**
 * The SQL corpus (test/sql-corpus) measured two ways, side by side in one run:
 * - the local warehouse as it ships: each case through snowflake-sdk against a warehouse in its
 *   own process, judged as the corpus test judges it (its dialect transforms and macros);
 * - sqlglot's Snowflake→DuckDB translation, as ported to WebAssembly (`@polyglot-sql/sdk`): each
 *   case's setup and statement transpiled and run on a fresh in-memory DuckDB, judged leniently
 *   (numbers by value, timestamps by instant, JSON by structure; an expected error passes on any
 *   error, since DuckDB cannot give Snowflake's codes).
 * Prints the pass rate by category for both, the cases each gets right that the other does not,
 * and the translation cost per statement (median and p95 of the pure translation step, no I/O).
 *
 * Run: npm run bench:corpus (add `-- --translation-only` for the translation cost alone, in seconds)
 */
import { isDeepStrictEqual } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import * as polyglot from '@polyglot-sql/sdk';
import type { DialectContext } from '@/lib/local-warehouse/dialect/rewrite';
import { translate } from '@/lib/local-warehouse/dialect/translate';
import { connectionOptions } from '@/lib/warehouse/pool';
import { CORPUS } from '@/test/sql-corpus';
import type { Cell, CorpusCase } from '@/test/sql-corpus/corpus-case';
import { runCase } from '@/test/sql-corpus/run-case';
import { benchConfig } from './bench-dashboard';
import { startWarehouseProcess } from './local-warehouse-process';
import { median, percentile } from './stats';

const TRANSLATION_ROUNDS = 20;

interface Tally {
  pass: number;
  total: number;
}

// ---- the local warehouse, through snowflake-sdk ----------------------------------------------

async function warehouseOutcomes(): Promise<Map<CorpusCase, boolean>> {
  const warehouse = await startWarehouseProcess();
  const outcomes = new Map<CorpusCase, boolean>();
  try {
    const { options } = connectionOptions(benchConfig(warehouse.dataDir, warehouse.port));
    for (const corpusCase of Object.values(CORPUS).flat()) outcomes.set(corpusCase, (await runCase(options, corpusCase)).pass);
  } finally {
    await warehouse.stop();
  }
  return outcomes;
}

// ---- sqlglot's translation (WebAssembly port), on DuckDB directly ----------------------------

function transpile(sql: string): string {
  const result = polyglot.transpile(sql, polyglot.Dialect.Snowflake, polyglot.Dialect.DuckDB);
  if (!result.success || !result.sql?.length) throw new Error(result.error ?? 'no translation');
  return result.sql.join(';\n');
}

const normalised = (text: string) =>
  text.replace('T', ' ').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '').replace(/[+-]00(:?00)?$/, '');

function looseMatch(actual: unknown, expected: Cell): boolean {
  if (expected === null || actual === null || actual === undefined) return expected === null && (actual === null || actual === undefined);
  if (typeof expected === 'object') {
    const parsed = typeof actual === 'string' ? safeParse(actual) : actual;
    return isDeepStrictEqual(parsed, expected);
  }
  const text = typeof actual === 'object' ? JSON.stringify(actual) : String(actual);
  if (typeof expected === 'boolean') return text.toUpperCase() === String(expected).toUpperCase();
  if (text === String(expected)) return true;
  const number = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
  if (number.test(text) && number.test(String(expected))) return Number(text) === Number(expected);
  if (normalised(text) === normalised(String(expected))) return true;
  const object = safeParse(String(expected));
  return typeof object === 'object' && object !== null && isDeepStrictEqual(safeParse(text), object);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function polyglotPasses(corpusCase: CorpusCase): Promise<boolean> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const statement of corpusCase.setup ?? []) await connection.run(transpile(statement));
    let rows: unknown[][];
    try {
      rows = (await connection.runAndReadAll(transpile(corpusCase.sql))).getRowsJson() as unknown[][];
    } catch {
      return corpusCase.error !== undefined;
    }
    if (corpusCase.error) return false;
    if (!corpusCase.rows) return true;
    if (rows.length !== corpusCase.rows.length) return false;
    const key = (row: unknown[]) => JSON.stringify(row);
    const got = corpusCase.unordered ? [...rows].sort((a, b) => key(a).localeCompare(key(b))) : rows;
    const want = corpusCase.unordered ? [...corpusCase.rows].sort((a, b) => key(a).localeCompare(key(b))) : corpusCase.rows;
    return want.every((row, r) => row.length === got[r].length && row.every((cell, c) => looseMatch(got[r][c], cell)));
  } catch {
    return false;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

// ---- translation cost -------------------------------------------------------------------------

const context: DialectContext = {
  queryId: 'bench',
  sessionId: 1,
  session: { database: 'FLURRY', schema: 'PUBLIC', warehouse: 'LOCAL_WH', role: 'PUBLIC', user: 'BENCH' },
  isDatabase: (name) => name.toUpperCase() === 'FLURRY',
  engineFunctions: new Set(),
  nowMs: 0,
  cancelQuery: () => false,
  sessionQueryIds: async () => [],
  storedResult: async () => null,
  historyTable: 'H',
  flushHistory: async () => {},
};

async function costPerStatement(statements: string[]): Promise<{ ours: number[]; polyglot: number[] }> {
  const ours: number[] = [];
  const other: number[] = [];
  for (let round = 0; round < TRANSLATION_ROUNDS; round += 1) {
    for (const sql of statements) {
      let start = performance.now();
      await translate(sql, context).catch(() => undefined);
      ours.push(performance.now() - start);
      start = performance.now();
      polyglot.transpile(sql, polyglot.Dialect.Snowflake, polyglot.Dialect.DuckDB);
      other.push(performance.now() - start);
    }
  }
  return { ours, polyglot: other };
}

// ---- report -----------------------------------------------------------------------------------

const pct = (tally: Tally) => `${tally.pass}/${tally.total} (${((100 * tally.pass) / Math.max(1, tally.total)).toFixed(1)}%)`;
const us = (values: number[], p: number) => `${(percentile(values, p) * 1000).toFixed(0)} µs`;

async function reportPassRates(all: CorpusCase[]): Promise<void> {
  const ours = await warehouseOutcomes();
  const theirs = new Map<CorpusCase, boolean>();
  for (const corpusCase of all) theirs.set(corpusCase, await polyglotPasses(corpusCase));

  console.log("\nSQL corpus: cases giving Snowflake's documented result\n");
  console.log(`${'category'.padEnd(36)} ${'local warehouse'.padStart(18)} ${'sqlglot (polyglot)'.padStart(20)}`);
  const overall = { ours: { pass: 0, total: 0 }, theirs: { pass: 0, total: 0 } };
  for (const [category, cases] of Object.entries(CORPUS)) {
    const a = { pass: cases.filter((c) => ours.get(c)).length, total: cases.length };
    const b = { pass: cases.filter((c) => theirs.get(c)).length, total: cases.length };
    overall.ours.pass += a.pass;
    overall.ours.total += a.total;
    overall.theirs.pass += b.pass;
    overall.theirs.total += b.total;
    console.log(`${category.padEnd(36)} ${pct(a).padStart(18)} ${pct(b).padStart(20)}`);
  }
  console.log(`${'all'.padEnd(36)} ${pct(overall.ours).padStart(18)} ${pct(overall.theirs).padStart(20)}`);

  const onlyTheirs = all.filter((c) => theirs.get(c) && !ours.get(c));
  const onlyOurs = all.filter((c) => ours.get(c) && !theirs.get(c));
  console.log(`\nright only with the local warehouse: ${onlyOurs.length}; right only with sqlglot: ${onlyTheirs.length}`);
  for (const c of onlyTheirs.slice(0, 20)) console.log(`  sqlglot only: ${c.sql.replace(/\s+/g, ' ').slice(0, 100)}`);
}

async function reportTranslationCost(all: CorpusCase[]): Promise<void> {
  const statements = all.flatMap((c) => [...(c.setup ?? []), c.sql]);
  const cost = await costPerStatement(statements);
  console.log(`\ntranslation cost per statement (${statements.length} statements × ${TRANSLATION_ROUNDS} rounds, this process)`);
  console.log(`${''.padEnd(20)} ${'median'.padStart(10)} ${'p95'.padStart(10)}`);
  console.log(`${'local warehouse'.padEnd(20)} ${us(cost.ours, 50).padStart(10)} ${us(cost.ours, 95).padStart(10)}`);
  console.log(`${'sqlglot (polyglot)'.padEnd(20)} ${us(cost.polyglot, 50).padStart(10)} ${us(cost.polyglot, 95).padStart(10)}`);
  console.log(`ratio of medians (local / sqlglot): ${(median(cost.ours) / median(cost.polyglot)).toFixed(2)}`);
}

const init = (polyglot as { init?: () => Promise<void> }).init;
if (typeof init === 'function') await init();
const everyCase = Object.values(CORPUS).flat();
if (!process.argv.includes('--translation-only')) await reportPassRates(everyCase);
await reportTranslationCost(everyCase);
