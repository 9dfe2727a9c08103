/**
 * `SELECT [ALL | DISTINCT] TOP <n> …`: at most n rows of the query block, as LIMIT n. DuckDB has
 * no TOP, so the words go and the block gets `LIMIT n` at its end (after its ORDER BY). A block
 * that is one operand of a set operator is parenthesised first, so the limit stays its own:
 * a trailing ORDER BY after the last operand belongs to the whole set operation.
 * https://docs.snowflake.com/en/sql-reference/constructs/top_n
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { applyEdits, significantTokens, type Edit } from './tokens';

const SET_OPERATORS = ['UNION', 'EXCEPT', 'MINUS', 'INTERSECT'];

const isSetOperator = (token: Token | undefined) => SET_OPERATORS.some((word) => isWord(token, word));

/** Index of the token ending the query block that starts at `select`: a set operator, `)` or the end. */
function blockEnd(tokens: Token[], select: number): number {
  let depth = 0;
  for (let i = select + 1; i < tokens.length; i += 1) {
    if (isSymbol(tokens[i], '(')) depth += 1;
    else if (isSymbol(tokens[i], ')')) {
      if (depth === 0) return i;
      depth -= 1;
    } else if (depth === 0 && (isSetOperator(tokens[i]) || isSymbol(tokens[i], ';'))) return i;
  }
  return tokens.length;
}

/** Index of the set operator word before a block (`UNION [ALL | DISTINCT] [BY NAME]`), if it is one. */
function operatorBefore(tokens: Token[], select: number): number {
  let i = select - 1;
  if (isWord(tokens[i], 'NAME') && isWord(tokens[i - 1], 'BY')) i -= 2;
  if (isWord(tokens[i], 'ALL') || isWord(tokens[i], 'DISTINCT')) i -= 1;
  return i;
}

/** Index of the ORDER of a top-level ORDER BY in tokens[from, to), or -1. */
function orderByAt(tokens: Token[], from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i += 1) {
    if (isSymbol(tokens[i], '(')) depth += 1;
    else if (isSymbol(tokens[i], ')')) depth -= 1;
    else if (depth === 0 && isWord(tokens[i], 'ORDER') && isWord(tokens[i + 1], 'BY')) return i;
  }
  return -1;
}

export function topN(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  tokens.forEach((token, select) => {
    if (!isWord(token, 'SELECT')) return;
    const top = isWord(tokens[select + 1], 'ALL') || isWord(tokens[select + 1], 'DISTINCT') ? select + 2 : select + 1;
    const count = tokens[top + 1];
    if (!isWord(tokens[top], 'TOP') || count?.kind !== 'number') return;
    edits.push({ start: tokens[top].start, end: tokens[top + 2]?.start ?? count.end, text: '' });
    const end = blockEnd(tokens, select);
    const followed = isSetOperator(tokens[end]);
    const preceded = isSetOperator(tokens[operatorBefore(tokens, select)]);
    if (!followed && !preceded) {
      edits.push({ start: tokens[end - 1].end, end: tokens[end - 1].end, text: ` LIMIT ${count.text}` });
      return;
    }
    // The last operand ends before the ORDER BY of the whole set operation.
    const order = followed ? -1 : orderByAt(tokens, select, end);
    const last = order === -1 ? end - 1 : order - 1;
    edits.push({ start: token.start, end: token.start, text: '(' });
    edits.push({ start: tokens[last].end, end: tokens[last].end, text: ` LIMIT ${count.text})` });
  });
  return applyEdits(sql, edits);
}
