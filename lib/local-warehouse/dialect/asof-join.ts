/**
 * `l ASOF JOIN r MATCH_CONDITION ( l.t <op> r.t ) [ ON l.c = r.c [ AND … ] ]`: for each row of l,
 * the one row of r closest in t on the side the operator names, among the rows equal on the ON
 * columns; a row of l without one keeps NULLs for r's columns, like a left outer join. DuckDB's
 * ASOF join takes the match condition inside ON and keeps unmatched rows only as ASOF LEFT JOIN,
 * so it becomes `ASOF LEFT JOIN r ON <on> AND ( <match condition> )`. The USING form projects
 * one column per name, which DuckDB's ASOF USING would read otherwise: it is refused. The match
 * condition and ON are checked as Snowflake checks them (010001, 010002, 010004, 010010).
 * https://docs.snowflake.com/en/sql-reference/constructs/asof-join
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { SnowflakeError } from '../engine/types';
import { joinClauses, type JoinClause } from './join-clauses';
import { applyEdits, closingParen, identifierName, significantTokens, sourceOf, type Edit } from './tokens';

const MATCH_OPERATORS = ['>=', '<=', '>', '<'];

const isName = (token: Token | undefined): token is Token => token?.kind === 'identifier' || token?.kind === 'quoted_identifier';

function invalid(code: string, detail: string): SnowflakeQueryError {
  const error: SnowflakeError = { code, sqlState: '42601', message: `SQL compilation error:\n${detail}` };
  return new SnowflakeQueryError(error);
}

const operatorsError = () =>
  invalid('010001', "MATCH_CONDITION clause is invalid: Only comparison operators '>=', '>', '<=' and '<' are allowed. Keywords such as AND and OR are not allowed.");
const sidesError = () =>
  invalid(
    '010002',
    'MATCH_CONDITION clause is invalid: The left side allows only column references from the left side table, and the right side allows only column references from the right side table.',
  );

/** The expression as Snowflake prints it in its errors: `S.STATE >= P.STATE`. */
function printed(tokens: Token[], from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i += 1) {
    const glued = isSymbol(tokens[i], '.') || isSymbol(tokens[i - 1], '.') || i === from;
    text += `${glued ? '' : ' '}${tokens[i].kind === 'identifier' ? tokens[i].text.toUpperCase() : tokens[i].text}`;
  }
  return text;
}

/** The qualifiers of the qualified names in tokens[from, to). */
function qualifiers(tokens: Token[], from: number, to: number): string[] {
  const found: string[] = [];
  for (let i = from; i < to; i += 1) {
    if (isName(tokens[i]) && isSymbol(tokens[i + 1], '.') && !isSymbol(tokens[i - 1], '.')) found.push(identifierName(tokens[i]));
  }
  return found;
}

/** The name the right table's columns go by: its alias, or its own name; null for a subquery without one. */
function rightName(tokens: Token[], join: JoinClause): string | null {
  let i = join.join + 1;
  if (isWord(tokens[i], 'LATERAL')) throw invalid('010004', 'ASOF JOIN is not supported for joins with LATERAL table functions or LATERAL views.');
  let name: string | null = null;
  if (isSymbol(tokens[i], '(')) i = closingParen(tokens, i) + 1;
  else {
    while (isName(tokens[i])) {
      name = identifierName(tokens[i]);
      if (!isSymbol(tokens[i + 1], '.')) break;
      i += 2;
    }
    i += 1;
  }
  if (isWord(tokens[i], 'AS')) i += 1;
  return isName(tokens[i]) && !isWord(tokens[i], 'MATCH_CONDITION') ? identifierName(tokens[i]) : name;
}

/** Throws unless the match condition is `<left operand> <op> <right operand>` over the right sides. */
function checkMatchCondition(tokens: Token[], open: number, close: number, right: string | null): void {
  const at: number[] = [];
  let depth = 0;
  for (let i = open + 1; i < close; i += 1) {
    if (isSymbol(tokens[i], '(')) depth += 1;
    else if (isSymbol(tokens[i], ')')) depth -= 1;
    else if (depth === 0 && (isWord(tokens[i], 'AND') || isWord(tokens[i], 'OR') || isSymbol(tokens[i], '=') || isSymbol(tokens[i], '!=') || isSymbol(tokens[i], '<>'))) {
      throw operatorsError();
    } else if (depth === 0 && MATCH_OPERATORS.some((op) => isSymbol(tokens[i], op))) at.push(i);
  }
  if (at.length !== 1) throw operatorsError();
  if (right === null) return;
  const left = qualifiers(tokens, open + 1, at[0]);
  const rightSide = qualifiers(tokens, at[0] + 1, close);
  if (left.includes(right) || rightSide.some((name) => name !== right)) throw sidesError();
}

/** Throws unless the ON condition is a conjunction of equalities. */
function checkOn(tokens: Token[], from: number, to: number): void {
  let depth = 0;
  let start = from;
  const conjunct = (end: number) => {
    const equality = tokens.slice(start, end).filter((token) => isSymbol(token, '=')).length === 1;
    const compares = tokens.slice(start, end).some((token) => ['>=', '<=', '>', '<', '!=', '<>'].some((op) => isSymbol(token, op)));
    if (!equality || compares) {
      throw invalid(
        '010010',
        'ON clause for ASOF JOIN must contain conjunctions of equality conditions only. Disjunctions are not allowed. ' +
          `Each side of an equality condition must only refer to either the left table or the right table. ${printed(tokens, start, end)} is invalid.`,
      );
    }
  };
  for (let i = from; i < to; i += 1) {
    if (isSymbol(tokens[i], '(')) depth += 1;
    else if (isSymbol(tokens[i], ')')) depth -= 1;
    else if (isWord(tokens[i], 'OR')) {
      start = from;
      conjunct(to);
    } else if (depth === 0 && isWord(tokens[i], 'AND')) {
      conjunct(i);
      start = i + 1;
    }
  }
  // A parenthesised conjunction, ON (a = b AND c = d), is read inside its parentheses.
  if (start === from && isSymbol(tokens[from], '(') && closingParen(tokens, from) === to - 1) checkOn(tokens, from + 1, to - 1);
  else conjunct(to);
}

export function asofJoins(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  for (const join of joinClauses(tokens)) {
    if (!join.kind.includes('ASOF')) continue;
    const right = rightName(tokens, join);
    if (!isWord(tokens[join.condition], 'MATCH_CONDITION')) continue;
    const open = join.condition + 1;
    const close = isSymbol(tokens[open], '(') ? closingParen(tokens, open) : -1;
    if (close === -1 || close >= join.end) continue;
    checkMatchCondition(tokens, open, close, right);
    const match = sourceOf(sql, tokens, open, close + 1);
    const after = close + 1;
    if (isWord(tokens[after], 'USING')) throw new SnowflakeQueryError(snowflakeErrors.unsupported('ASOF JOIN … USING'));
    const hasOn = isWord(tokens[after], 'ON') && after + 1 < join.end;
    if (hasOn) checkOn(tokens, after + 1, join.end);
    const on = hasOn ? `${sourceOf(sql, tokens, after + 1, join.end)} AND ${match}` : match;
    edits.push({ start: tokens[join.join].start, end: tokens[join.join].end, text: 'LEFT JOIN' });
    edits.push({ start: tokens[join.condition].start, end: tokens[join.end - 1].end, text: `ON ${on}` });
  }
  return applyEdits(sql, edits);
}
