/**
 * TABLE(GENERATOR(ROWCOUNT => n, TIMELIMIT => s)) and the SEQ1/SEQ2/SEQ4/SEQ8 functions.
 *
 * ROWCOUNT becomes DuckDB's range(n). DuckDB cannot produce rows "for s seconds", so TIMELIMIT
 * is modelled as a generator producing GENERATOR_ROWS_PER_SECOND rows per second: the
 * statement holds (cancellably) for as long as that takes and then DuckDB emits the rows.
 * With both arguments the generator stops at whichever limit comes first, as Snowflake's does.
 *
 * SEQn() numbers rows from 0. With exactly one generator in the statement it reads that
 * generator's row number (so it also works in WHERE); otherwise it is ROW_NUMBER() OVER () - 1.
 * SEQn wraps around at 2^(8n) like Snowflake's; SEQn(1) wraps into the signed range.
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { Rewrite } from './rewrite';
import { findTableFunctions } from './table-function';
import { applyEdits, closingParen, numberValue, significantTokens, splitTopLevel, type Edit } from './tokens';

/** The local stand-in for how fast Snowflake's generator makes rows under a TIMELIMIT. */
export const GENERATOR_ROWS_PER_SECOND = 1000;

const GENERATOR_ROW = '"__GENERATOR_ROW"';
const SEQ_BYTES: Record<string, number> = { SEQ1: 1, SEQ2: 2, SEQ4: 4, SEQ8: 8 };

export function generator(sql: string): Rewrite {
  const tokens = significantTokens(sql);
  const calls = findTableFunctions(tokens, ['GENERATOR']);
  let holdMs = 0;
  const edits: Edit[] = calls.map((call) => {
    const { rows, seconds } = generatorSize(tokens, call.argsOpen, call.argsClose);
    holdMs = Math.max(holdMs, seconds * 1000);
    return {
      start: tokens[call.start].start,
      end: tokens[call.end].end,
      text: `(SELECT RANGE AS ${GENERATOR_ROW} FROM RANGE(${rows}))`,
    };
  });
  edits.push(...seqEdits(tokens, calls.length === 1 ? GENERATOR_ROW : '(ROW_NUMBER() OVER () - 1)'));
  return { sql: applyEdits(sql, edits), holdMs };
}

function generatorSize(tokens: Token[], open: number, close: number): { rows: number; seconds: number } {
  const fail = (detail: string) => new SnowflakeQueryError(snowflakeErrors.compilation(`GENERATOR: ${detail}`));
  const named: Record<string, number> = {};
  for (const [from, to] of splitTopLevel(tokens, open + 1, close)) {
    const name = tokens[from];
    const value = numberValue(tokens, from + 2, to);
    if (!(isWord(name, 'ROWCOUNT') || isWord(name, 'TIMELIMIT')) || !isSymbol(tokens[from + 1], '=>')) {
      throw fail('arguments must be ROWCOUNT => <rows> and/or TIMELIMIT => <seconds>.');
    }
    if (value === null || value < 0) throw fail(`${name.text.toUpperCase()} must be a non-negative number literal.`);
    named[name.text.toUpperCase()] = value;
  }
  const { ROWCOUNT: rowCount, TIMELIMIT: timeLimit } = named;
  if (rowCount === undefined && timeLimit === undefined) throw fail('needs ROWCOUNT or TIMELIMIT.');
  if (timeLimit === undefined) return { rows: Math.floor(rowCount), seconds: 0 };
  const rows = Math.floor(Math.min(rowCount ?? Infinity, timeLimit * GENERATOR_ROWS_PER_SECOND));
  return { rows, seconds: rows / GENERATOR_ROWS_PER_SECOND };
}

function seqEdits(tokens: Token[], rowNumber: string): Edit[] {
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    const bytes = token.kind === 'identifier' ? SEQ_BYTES[token.text.toUpperCase()] : undefined;
    if (bytes === undefined || !isSymbol(tokens[i + 1], '(')) return;
    const close = closingParen(tokens, i + 1);
    const sign = close === i + 3 ? numberValue(tokens, i + 2, i + 3) : null;
    if (close !== i + 2 && sign !== 0 && sign !== 1) {
      throw new SnowflakeQueryError(snowflakeErrors.compilation(`${token.text}: the only argument is 0 or 1.`));
    }
    const signed = sign === 1;
    edits.push({ start: token.start, end: tokens[close].end, text: wrapped(rowNumber, bytes, signed) });
  });
  return edits;
}

function wrapped(rowNumber: string, bytes: number, signed: boolean): string {
  if (bytes === 8) return rowNumber;
  const modulus = 2 ** (8 * bytes);
  if (!signed) return `(${rowNumber} % ${modulus})`;
  const half = modulus / 2;
  return `((${rowNumber} + ${half}) % ${modulus} - ${half})`;
}
