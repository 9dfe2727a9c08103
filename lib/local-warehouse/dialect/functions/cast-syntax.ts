/**
 * Where the pieces of a `expr::type` cast are in a statement's tokens. `::` binds tighter than
 * any other operator (https://docs.snowflake.com/en/sql-reference/operators-cast), so its
 * operand is the primary expression right before it: a literal, a (qualified) name, a function
 * call, a parenthesised expression, a CASE … END, a subscript, or an earlier cast in a chain
 * (`x::A::B` casts `x::A`).
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { caseStart, openingBracket } from '../tokens';

const isName = (token: Token | undefined) => token?.kind === 'identifier' || token?.kind === 'quoted_identifier';

/** Words that can stand before `(` without naming a function. */
const KEYWORDS = new Set(
  ('AS IN EXISTS AND OR NOT WHEN THEN ELSE SELECT FROM WHERE ON BY VALUES HAVING IS LIKE ILIKE RLIKE ' +
    'BETWEEN CASE JOIN USING ALL ANY SOME DISTINCT QUALIFY LIMIT OFFSET SET INTO UNION EXCEPT INTERSECT ' +
    'MINUS WITH LATERAL TABLE RETURN FILTER').split(' '),
);

const isKeyword = (token: Token) => token.kind === 'identifier' && KEYWORDS.has(token.text.toUpperCase());

/** Words that write a typed literal in front of a string: DATE '2024-01-01'. */
const TYPED_LITERALS = ['DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMPTZ', 'INTERVAL'];

/** Index of the first token of the primary expression ending at `last`, or -1. */
function primaryStart(tokens: Token[], last: number): number {
  const token = tokens[last];
  if (!token) return -1;
  let start: number;
  if (isSymbol(token, ')') || isSymbol(token, ']')) {
    start = openingBracket(tokens, last);
    if (start === -1) return -1;
    // A call or a subscript: the name or expression in front belongs to it.
    const before = tokens[start - 1];
    if (isSymbol(token, ']') && before && ((isName(before) && !isKeyword(before)) || isSymbol(before, ')') || isSymbol(before, ']'))) {
      return primaryStart(tokens, start - 1);
    }
    // A window call: f(x) OVER (…) is one operand.
    if (isSymbol(token, ')') && isWord(before, 'OVER')) return primaryStart(tokens, start - 2);
    if (isSymbol(token, ')') && isName(before) && !isKeyword(before)) start -= 1;
    else return start;
  } else if (isWord(token, 'END')) {
    return caseStart(tokens, last);
  } else if (token.kind === 'string' || token.kind === 'dollar_string') {
    const before = tokens[last - 1];
    const typed = TYPED_LITERALS.some((word) => isWord(before, word)) && !isSymbol(tokens[last - 2], '::');
    return typed ? last - 1 : last;
  } else if (token.kind === 'number') {
    // A signed number literal (`-1::VARCHAR`) is one operand, as DuckDB reads it; `a - 1` is not.
    const sign = tokens[last - 1];
    const beforeSign = tokens[last - 2];
    const operandEnds = beforeSign && (isName(beforeSign) ? !isKeyword(beforeSign) : beforeSign.kind !== 'operator' || isSymbol(beforeSign, ')') || isSymbol(beforeSign, ']'));
    return (isSymbol(sign, '-') || isSymbol(sign, '+')) && !operandEnds ? last - 1 : last;
  } else if (isName(token) || isSymbol(token, '*')) {
    start = last;
  } else return -1;
  // Qualified names: db.schema.table.column, and calls of qualified functions.
  while (isSymbol(tokens[start - 1], '.') && isName(tokens[start - 2])) start -= 2;
  return start;
}

/**
 * Index of the first token of the operand of the `::` at `colons`: the primary before it, and
 * the whole chain when that primary is itself a cast's type (`x::A` in `x::A::B`).
 */
export function castOperandStart(tokens: Token[], colons: number): number {
  const start = primaryStart(tokens, colons - 1);
  if (start === -1) return -1;
  if (isSymbol(tokens[start - 1], '::')) return castOperandStart(tokens, start - 1);
  return start;
}

/** Index of the last token of the type starting at `start`: a name, `(…)` arguments, `[]`. */
export function typeEnd(tokens: Token[], start: number): number {
  if (!isName(tokens[start])) return -1;
  let end = start;
  if (isSymbol(tokens[end + 1], '(')) {
    let depth = 0;
    for (let i = end + 1; i < tokens.length; i += 1) {
      if (isSymbol(tokens[i], '(')) depth += 1;
      else if (isSymbol(tokens[i], ')')) {
        depth -= 1;
        if (depth === 0) {
          end = i;
          break;
        }
      }
    }
  }
  while (isSymbol(tokens[end + 1], '[') && isSymbol(tokens[end + 2], ']')) end += 2;
  return end;
}
