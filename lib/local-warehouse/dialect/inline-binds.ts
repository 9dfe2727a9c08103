/**
 * Bind variables (`?` in order, or `:1`, `:2` … by position) become SQL literals before the
 * other transforms run. DuckDB cannot type a parameter in a select list at prepare time
 * (`SELECT ? AS n` comes back as a column of unknown type), and the system functions that
 * take their argument at rewrite time (SYSTEM$CANCEL_QUERY, RESULT_SCAN) need the value
 * itself. Each value is quoted here, so a bound value can never become SQL.
 *
 * Array binding (one value per row at every position) is an INSERT … VALUES (…) whose tuple is
 * repeated once per row, which inserts every row in one statement as Snowflake does.
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { linePosition, SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { BindValue, TemporalBind } from '../engine/types';
import { applyEdits, closingParen, significantTokens, sqlString, type Edit } from './tokens';

/** A string literal; backslashes are spelled chr(92) so no later lexing reads them as escapes. */
function textLiteral(value: string): string {
  if (!/[\\\0]/.test(value)) return sqlString(value);
  // A NUL would end the statement as DuckDB reads it (nul-characters.ts), so it goes in as chr(0) too.
  const pieces = value.split(/([\\\0])/).map((piece) => (piece === '\\' ? 'chr(92)' : piece === '\0' ? 'chr(0)' : sqlString(piece)));
  return `(${pieces.join(' || ')})`;
}

const NANOS_PER_MILLI = 1_000_000n;

/** "YYYY-MM-DD HH:MM:SS.fffffffff" in UTC. */
function utcText(nanos: bigint): string {
  let millis = nanos / NANOS_PER_MILLI;
  let below = nanos % NANOS_PER_MILLI;
  if (below < 0n) {
    below += NANOS_PER_MILLI;
    millis -= 1n;
  }
  const iso = new Date(Number(millis)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}${below.toString().padStart(6, '0')}`;
}

function temporalLiteral({ type, nanos }: TemporalBind): string {
  const text = utcText(nanos);
  switch (type) {
    case 'DATE':
      return `DATE ${sqlString(text.slice(0, 10))}`;
    case 'TIME':
      return `TIME ${sqlString(text.slice(11))}`;
    case 'TIMESTAMP_NTZ':
      return `TIMESTAMP ${sqlString(text)}`;
    default:
      return `TIMESTAMPTZ ${sqlString(`${text}+00`)}`;
  }
}

export function bindLiteral(value: BindValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    // REAL binds stay floating point; integral FIXED ones stay exact.
    return Number.isInteger(value) ? String(value) : `CAST(${sqlString(String(value))} AS DOUBLE)`;
  }
  if (typeof value === 'string') return textLiteral(value);
  if (value instanceof Uint8Array) return `${sqlString(Buffer.from(value).toString('hex'))}::BINARY`;
  return temporalLiteral(value);
}

interface Placeholder {
  /** Which bind it names (0-based). */
  index: number;
  /** Its tokens, [first, last]. */
  first: number;
  last: number;
  /** As Snowflake's errors name it: `?` or `:n`. */
  name: string;
}

/** Whether the `:` at tokens[i] continues an operand (`x[1:2]`, `a[i:3]`, `v:1`) rather than starting a placeholder. */
function followsOperand(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (!before) return false;
  if (before.kind === 'number' || isSymbol(before, ']')) return true;
  const touching = before.end === tokens[i].start;
  return touching && (before.kind === 'identifier' || before.kind === 'quoted_identifier' || isSymbol(before, ')'));
}

function placeholders(tokens: Token[]): Placeholder[] {
  const found: Placeholder[] = [];
  let questionMarks = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    if (isSymbol(tokens[i], '?')) {
      found.push({ index: questionMarks, first: i, last: i, name: '?' });
      questionMarks += 1;
    } else if (isSymbol(tokens[i], ':') && tokens[i + 1]?.kind === 'number' && tokens[i + 1].start === tokens[i].end && !followsOperand(tokens, i)) {
      // `:1`, but not the `:` of a `::` cast (lexed as one token), a JSON path `v:field` or a slice `x[1:2]`.
      const position = Number(tokens[i + 1].text);
      if (Number.isInteger(position) && position >= 1) found.push({ index: position - 1, first: i, last: i + 1, name: `:${position}` });
      i += 1;
    }
  }
  return found;
}

/** The edits putting `valueOf(index)` in each placeholder. */
function literalEdits(tokens: Token[], found: Placeholder[], valueOf: (index: number) => BindValue): Edit[] {
  return found.map(({ index, first, last }) => ({ start: tokens[first].start, end: tokens[last].end, text: bindLiteral(valueOf(index)) }));
}

/** The statement with its VALUES tuple written once per row of the array binds. */
function repeatValuesTuple(sql: string, tokens: Token[], found: Placeholder[], binds: readonly (BindValue | BindValue[])[]): string {
  const values = tokens.findIndex((token, i) => isWord(token, 'VALUES') && isSymbol(tokens[i + 1], '('));
  const open = values + 1;
  const close = values === -1 ? -1 : closingParen(tokens, open);
  const oneTuple = close !== -1 && (close === tokens.length - 1 || isSymbol(tokens[close + 1], ';'));
  if (!isWord(tokens[0], 'INSERT') || !oneTuple || found.some(({ first }) => first < open || first > close)) {
    throw new SnowflakeQueryError(snowflakeErrors.unsupported('array binding other than INSERT … VALUES (…) with one row of placeholders'));
  }
  const base = tokens[open].start;
  const tuple = sql.slice(base, tokens[close].end);
  const rows = Math.max(...binds.map((value) => (Array.isArray(value) ? value.length : 1)));
  const tuples = Array.from({ length: rows }, (_, row) => {
    const edits = literalEdits(tokens, found, (index) => {
      const value = binds[index];
      return Array.isArray(value) ? value[row] : value;
    }).map((edit) => ({ ...edit, start: edit.start - base, end: edit.end - base }));
    return applyEdits(tuple, edits);
  });
  return sql.slice(0, base) + tuples.join(', ') + sql.slice(tokens[close].end);
}

export function inlineBinds(sql: string, binds: readonly (BindValue | BindValue[])[]): string {
  const tokens = significantTokens(sql);
  const found = placeholders(tokens);
  const unset = found.find(({ index }) => index >= binds.length);
  if (unset) {
    const { line, position } = linePosition(sql, tokens[unset.first].start);
    throw new SnowflakeQueryError(snowflakeErrors.bindNotSet(line, position, unset.name));
  }
  if (binds.some(Array.isArray)) return repeatValuesTuple(sql, tokens, found, binds);
  if (found.length === 0) return sql;
  return applyEdits(sql, literalEdits(tokens, found, (index) => binds[index] as BindValue));
}
