/**
 * The token rewrite of Snowflake's date and time function calls for what a macro cannot take: a
 * date or time part written as a bare word or a string (`DATEADD(month, 1, d)`,
 * `DATE_TRUNC('week', d)`, `EXTRACT(year FROM d)`), checked against the functions that accept it
 * and turned into the macro for that kind of part.
 * https://docs.snowflake.com/en/sql-reference/functions-date-time#label-supported-date-time-parts
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError } from '../../engine/snowflake-errors';
import type { SnowflakeError } from '../../engine/types';
import { applyEdits, closingParen, significantTokens, splitTopLevel, sqlString, type Edit } from '../tokens';
import {
  datePartNamed,
  FIXED_PART_NANOSECONDS,
  partArgumentName,
  PARTS_ACCEPTED_BY,
  type DatePart,
  type PartTakingFunction,
} from './date-parts';

/** DATE_PART(part, x) and EXTRACT(part FROM x), as the macro reading that part. */
const PART_READER: Record<DatePart, string> = {
  YEAR: 'YEAR',
  QUARTER: 'QUARTER',
  MONTH: 'MONTH',
  WEEK: 'WEEK',
  WEEKISO: 'WEEKISO',
  DAY: 'DAY',
  DAYOFWEEK: 'DAYOFWEEK',
  DAYOFWEEKISO: 'DAYOFWEEKISO',
  DAYOFYEAR: 'DAYOFYEAR',
  YEAROFWEEK: 'YEAROFWEEK',
  YEAROFWEEKISO: 'YEAROFWEEKISO',
  HOUR: 'HOUR',
  MINUTE: 'MINUTE',
  SECOND: 'SECOND',
  MILLISECOND: 'SF_MILLISECOND',
  MICROSECOND: 'SF_MICROSECOND',
  NANOSECOND: 'SF_NANOSECOND',
  EPOCH_SECOND: 'SF_EPOCH_SECOND',
  EPOCH_MILLISECOND: 'SF_EPOCH_MILLISECOND',
  EPOCH_MICROSECOND: 'SF_EPOCH_MICROSECOND',
  EPOCH_NANOSECOND: 'SF_EPOCH_NANOSECOND',
  TIMEZONE_HOUR: 'SF_TIMEZONE_HOUR',
  TIMEZONE_MINUTE: 'SF_TIMEZONE_MINUTE',
};

/** One call being rewritten: its name, its arguments' tokens and their (rewritten) text. */
interface Call {
  name: string;
  at: Token;
  args: Token[][];
  text: string[];
}

/** A compilation error pointing at `at`, worded as Snowflake words them. */
function compilationError(at: Token, code: string, sqlState: string, detail: string): SnowflakeQueryError {
  const error: SnowflakeError = {
    code,
    sqlState,
    message: `SQL compilation error: error line ${at.line} at position ${at.column - 1}\n${detail}`,
  };
  return new SnowflakeQueryError(error);
}

function requireArguments(call: Call, min: number, max = min): void {
  const count = call.args.length;
  if (count >= min && count <= max) return;
  const few = count < min;
  throw compilationError(
    call.at,
    few ? '000938' : '000939',
    '42601',
    `${few ? 'not enough' : 'too many'} arguments for function [${call.name}], expected ${few ? min : max}, got ${count}`,
  );
}

/** The part argument `index` names, when `fn` accepts it; a compilation error otherwise. */
function partOf(call: Call, index: number, fn: PartTakingFunction): DatePart {
  const tokens = call.args[index];
  const name = partArgumentName(tokens);
  const part = name === null ? null : datePartNamed(name);
  if (part === null || !PARTS_ACCEPTED_BY[fn].includes(part)) {
    const written = name ?? tokens.map((token) => token.text).join(' ');
    throw compilationError(tokens[0] ?? call.at, '002000', '42000', `invalid date or time part '${written}' for function ${call.name}`);
  }
  return part;
}

/** DATEADD and DATEDIFF by kind of part: a calendar part by name, a fixed one by its nanoseconds. */
function byKind(macro: string, part: DatePart): string {
  const nanos = FIXED_PART_NANOSECONDS[part];
  return nanos === undefined ? `${macro}_CALENDAR(${sqlString(part)}` : `${macro}_FIXED(${nanos}`;
}

const dateAdd = (call: Call) => {
  requireArguments(call, 3);
  return `${byKind('SF_DATEADD', partOf(call, 0, 'DATEADD'))}, ${call.text[1]}, ${call.text[2]})`;
};

const dateDiff = (call: Call) => {
  requireArguments(call, 3);
  return `${byKind('SF_DATEDIFF', partOf(call, 0, 'DATEDIFF'))}, ${call.text[1]}, ${call.text[2]})`;
};

/** DuckDB keeps microseconds: truncating to a nanosecond leaves a value as it is. */
const truncation = (part: DatePart) => sqlString(part === 'NANOSECOND' ? 'MICROSECOND' : part);

const dateTrunc = (call: Call) => {
  requireArguments(call, 2);
  return `SF_DATE_TRUNC(${truncation(partOf(call, 0, 'DATE_TRUNC'))}, ${call.text[1]})`;
};

const datePart = (call: Call) => {
  requireArguments(call, 2);
  return `${PART_READER[partOf(call, 0, 'DATE_PART')]}(${call.text[1]})`;
};

const lastDay = (call: Call) => {
  requireArguments(call, 1, 2);
  const part = call.args.length === 2 ? partOf(call, 1, 'LAST_DAY') : 'MONTH';
  return `SF_LAST_DAY(${sqlString(part)}, ${call.text[0]})`;
};

const timeSlice = (call: Call) => {
  requireArguments(call, 3, 4);
  const part = partOf(call, 2, 'TIME_SLICE');
  const edge = call.args.length === 4 ? partArgumentName(call.args[3])?.trim().toUpperCase() : 'START';
  if (edge !== 'START' && edge !== 'END') {
    throw compilationError(call.args[3][0] ?? call.at, '002000', '42000', "TIME_SLICE: the fourth argument must be 'START' or 'END'");
  }
  return `SF_TIME_SLICE(${call.text[0]}, ${call.text[1]}, ${sqlString(part)}, ${sqlString(edge)})`;
};

type Rewriter = (call: Call) => string;

/** TRUNC(x, 'month') comes here as DATE_TRUNC: the numeric functions route it (numeric-rounding.ts). */
const REWRITERS: Record<string, Rewriter> = {
  DATEADD: dateAdd,
  DATE_ADD: dateAdd,
  TIMEADD: dateAdd,
  TIMESTAMPADD: dateAdd,
  DATEDIFF: dateDiff,
  TIMEDIFF: dateDiff,
  TIMESTAMPDIFF: dateDiff,
  DATE_TRUNC: dateTrunc,
  DATE_PART: datePart,
  EXTRACT: datePart,
  LAST_DAY: lastDay,
  TIME_SLICE: timeSlice,
};

/** The Snowflake functions the rewrite implements, which no macro is named after. */
export const REWRITTEN_FUNCTIONS: readonly string[] = Object.keys(REWRITERS);

function rewriterFor(token: Token): Rewriter | undefined {
  const name = token.text.toUpperCase();
  return token.kind === 'identifier' && Object.hasOwn(REWRITERS, name) ? REWRITERS[name] : undefined;
}

class CallRewriter {
  constructor(
    private readonly sql: string,
    private readonly tokens: Token[],
  ) {}

  /** Edits rewriting the calls among tokens [from, to), each call whole (nested calls inside it). */
  edits(from: number, to: number): Edit[] {
    const { tokens } = this;
    const edits: Edit[] = [];
    for (let i = from; i < to; i += 1) {
      const token = tokens[i];
      const rewriter = rewriterFor(token);
      if (!rewriter || !isSymbol(tokens[i + 1], '(') || isSymbol(tokens[i - 1], '.')) continue;
      const close = closingParen(tokens, i + 1);
      if (close === -1 || close >= to) continue;
      edits.push({ start: token.start, end: tokens[close].end, text: rewriter(this.call(token, i + 2, close)) });
      i = close;
    }
    return edits;
  }

  private call(at: Token, from: number, close: number): Call {
    // EXTRACT(part FROM x) reads as EXTRACT(part, x).
    let fromWord = -1;
    if (isWord(at, 'EXTRACT')) for (let i = from; i < close && fromWord === -1; i += 1) if (isWord(this.tokens[i], 'FROM')) fromWord = i;
    const ranges: [number, number][] =
      fromWord > from ? [[from, fromWord], [fromWord + 1, close]] : splitTopLevel(this.tokens, from, close);
    return {
      name: at.text.toUpperCase(),
      at,
      args: ranges.map(([start, end]) => this.tokens.slice(start, end)),
      text: ranges.map(([start, end]) => this.render(start, end)),
    };
  }

  /** The text of tokens [from, to) with the calls among them rewritten. */
  private render(from: number, to: number): string {
    if (to <= from) return '';
    const base = this.tokens[from].start;
    const edits = this.edits(from, to).map((edit) => ({ ...edit, start: edit.start - base, end: edit.end - base }));
    return applyEdits(this.sql.slice(base, this.tokens[to - 1].end), edits);
  }
}

/** The statement with each date and time function call rewritten for the macros. */
export function rewriteDateTimeCalls(sql: string): string {
  const tokens = significantTokens(sql);
  if (!tokens.some((token) => rewriterFor(token))) return sql;
  const edits = new CallRewriter(sql, tokens).edits(0, tokens.length);
  return edits.length === 0 ? sql : applyEdits(sql, edits);
}
