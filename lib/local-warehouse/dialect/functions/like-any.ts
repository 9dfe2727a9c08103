/**
 * `subject [NOT] LIKE | ILIKE  ANY | ALL (pattern, …) [ESCAPE 'c']`, which DuckDB does not parse,
 * becomes the comparisons spelled out, `(subject LIKE p1 OR subject LIKE p2 …)` (AND for ALL),
 * negated for NOT. NULLs behave as Snowflake documents: NULL matches nothing, so a NULL subject
 * or pattern leaves the result NULL unless another pattern decides it. The subject is found by
 * walking back from the operator over what binds tighter than a comparison (names, constants,
 * calls, parentheses, `||`, arithmetic, casts, CASE … END).
 * Also the function forms `LIKE(subject, pattern [, escape])` and `ILIKE(…)`, which DuckDB
 * reads as its keywords.
 * https://docs.snowflake.com/en/sql-reference/functions/like_any
 * https://docs.snowflake.com/en/sql-reference/functions/like_all
 * https://docs.snowflake.com/en/sql-reference/functions/ilike_any
 * https://docs.snowflake.com/en/sql-reference/functions/like
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../../engine/snowflake-errors';
import { applyEdits, caseStart, closingParen, openingBracket, significantTokens, sourceOf, splitTopLevel, type Edit } from '../tokens';
import { callSites, rewriteCalls } from './call-sites';
import { endsOperand } from './regex';
import { constantString } from './string-literals';

/** Words that end the subject when walking back: they start or join whole conditions. */
const STOP_WORDS = new Set([
  'SELECT', 'WHERE', 'AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE', 'ON', 'HAVING', 'BY', 'QUALIFY', 'IN', 'IS', 'BETWEEN',
  'LIKE', 'ILIKE', 'RLIKE', 'REGEXP', 'AS', 'DISTINCT', 'ALL', 'ANY', 'SOME', 'EXISTS', 'ESCAPE', 'RETURN', 'SET', 'VALUES',
  'FROM', 'JOIN', 'USING', 'LIMIT', 'UNION', 'CASE', 'WITH',
]);

/** Operators that bind tighter than LIKE, so they stay inside the subject. */
const TIGHTER = ['||', '+', '-', '*', '/', '%', '.', '::', ':'];

/** First index of the subject ending at tokens[end] (inclusive). */
export function subjectStart(tokens: Token[], end: number): number {
  let i = end;
  for (;;) {
    // One operand: a bracketed group (with the name it calls), CASE … END, or a single token.
    const token = tokens[i];
    let start = i;
    if (isSymbol(token, ')')) {
      start = openingBracket(tokens, i);
      if (start > 0 && tokens[start - 1].kind === 'identifier' && !STOP_WORDS.has(tokens[start - 1].text.toUpperCase())) start -= 1;
    } else if (isSymbol(token, ']')) {
      start = openingBracket(tokens, i);
    } else if (isWord(token, 'END')) {
      start = caseStart(tokens, i);
    }
    if (start <= 0) return Math.max(start, 0);
    const before = tokens[start - 1];
    // A cast's type (`x::VARCHAR`) or a path (`v:a.b`) continues the operand to its left.
    if (TIGHTER.some((op) => isSymbol(before, op)) && start >= 2 && endsOperand(tokens[start - 2])) {
      i = start - 2;
      continue;
    }
    return start;
  }
}

interface Quantified {
  /** Index of the first token of the subject, of NOT (if any), of LIKE/ILIKE, and of ANY/ALL. */
  subject: number;
  operator: number;
  quantifier: number;
  close: number;
  /** Index just past the whole construct (after the ESCAPE clause, if any). */
  end: number;
  escape: string | null;
}

function quantifiedLike(sql: string, tokens: Token[], i: number): Quantified | null {
  const operator = tokens[i];
  if (!isWord(operator, 'LIKE') && !isWord(operator, 'ILIKE')) return null;
  const quantifier = tokens[i + 1];
  if (!(isWord(quantifier, 'ANY') || isWord(quantifier, 'ALL') || isWord(quantifier, 'SOME')) || !isSymbol(tokens[i + 2], '(')) return null;
  const close = closingParen(tokens, i + 2);
  if (close === -1) return null;
  const negated = isWord(tokens[i - 1], 'NOT');
  const subjectEnd = negated ? i - 2 : i - 1;
  if (!endsOperand(tokens[subjectEnd])) return null;
  let end = close + 1;
  let escape: string | null = null;
  if (isWord(tokens[end], 'ESCAPE') && tokens[end + 1]) {
    // A constant holding a backslash is an escape string by now, `E'\\'`: two tokens.
    const width = constantString(tokens, end + 1, end + 3) !== null ? 2 : 1;
    escape = sourceOf(sql, tokens, end + 1, end + 1 + width);
    end += 1 + width;
  }
  return { subject: subjectStart(tokens, subjectEnd), operator: i, quantifier: i + 1, close, end, escape };
}

function quantifiedEdit(sql: string, tokens: Token[], q: Quantified): Edit {
  const negated = isWord(tokens[q.operator - 1], 'NOT');
  const subject = sourceOf(sql, tokens, q.subject, negated ? q.operator - 1 : q.operator);
  const patterns = splitTopLevel(tokens, q.quantifier + 2, q.close).map(([from, to]) => sourceOf(sql, tokens, from, to));
  if (patterns.length === 0) {
    throw new SnowflakeQueryError(snowflakeErrors.compilation(`${tokens[q.operator].text.toUpperCase()} ${tokens[q.quantifier].text.toUpperCase()} needs at least one pattern.`));
  }
  const like = tokens[q.operator].text.toUpperCase();
  const joiner = isWord(tokens[q.quantifier], 'ALL') ? ' AND ' : ' OR ';
  const escape = q.escape ? ` ESCAPE ${q.escape}` : '';
  const compared = patterns.map((pattern) => `(${subject}) ${like} (${pattern})${escape}`).join(joiner);
  return {
    start: tokens[q.subject].start,
    end: tokens[q.end - 1].end,
    text: `${negated ? 'NOT ' : ''}(${compared})`,
  };
}

function quantifiedLikes(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const q = quantifiedLike(sql, tokens, i);
    if (!q) continue;
    edits.push(quantifiedEdit(sql, tokens, q));
    i = q.end - 1;
  }
  // Rewriting one construct can leave another inside its patterns or subject: run again until none is left.
  const text = applyEdits(sql, edits);
  return edits.length > 0 ? quantifiedLikes(text) : text;
}

/** `LIKE(s, p [, e])` / `ILIKE(…)` called as functions (not the infix operators). */
function likeFunctions(sql: string): string {
  return rewriteCalls(sql, (text, tokens) =>
    callSites(tokens, ['LIKE', 'ILIKE'])
      .filter((site) => !endsOperand(tokens[site.name - 1]) && !isWord(tokens[site.name - 1], 'NOT'))
      .map((site) => {
        const args = site.args.map(([from, to]) => sourceOf(text, tokens, from, to));
        if (args.length < 2 || args.length > 3) {
          throw new SnowflakeQueryError(snowflakeErrors.compilation(`${tokens[site.name].text.toUpperCase()} takes 2 or 3 arguments; got ${args.length}.`));
        }
        const escape = args[2] ? ` ESCAPE (${args[2]})` : '';
        return {
          start: tokens[site.name].start,
          end: tokens[site.close].end,
          text: `((${args[0]}) ${tokens[site.name].text.toUpperCase()} (${args[1]})${escape})`,
        };
      }),
  );
}

export function likeAnyAll(sql: string): string {
  return quantifiedLikes(likeFunctions(sql));
}
