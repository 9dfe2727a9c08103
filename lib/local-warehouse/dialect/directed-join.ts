/**
 * Directed joins: `o1 { INNER | LEFT | RIGHT | FULL } [ OUTER ] DIRECTED JOIN o2 …` scans o1
 * before o2, and the read-order clause `{ FIRST | LAST } ( <alias> )` after a directed join's ON
 * or USING names the side scanned first. Both only choose the order of the scans, never the
 * result, and DuckDB plans its joins itself: DIRECTED and the read-order clause are dropped. A
 * read-order clause on a join that is not directed is Snowflake's error 001867.
 * https://docs.snowflake.com/en/sql-reference/constructs/join
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { joinClauses } from './join-clauses';
import { applyEdits, significantTokens, type Edit } from './tokens';

const isName = (token: Token | undefined) => token?.kind === 'identifier' || token?.kind === 'quoted_identifier';

/** Words after which FIRST ( … ) would be a call in the condition, not the read-order clause. */
const BEFORE_OPERAND = ['ON', 'AND', 'OR', 'NOT', 'IS', 'IN', 'LIKE', 'ILIKE', 'BETWEEN', 'CASE', 'WHEN', 'THEN', 'ELSE'];

/** Whether a condition's last operand ends at the token: a name, a literal or a closing parenthesis. */
function endsOperand(token: Token): boolean {
  if (isName(token)) return !BEFORE_OPERAND.some((word) => isWord(token, word));
  return token.kind === 'number' || token.kind === 'string' || isSymbol(token, ')');
}

/** Index of a read-order clause `FIRST ( alias )` in tokens(from, to) after the join's condition, or -1. */
function readOrderClause(tokens: Token[], from: number, to: number): number {
  let depth = 0;
  for (let i = from + 1; i < to; i += 1) {
    if (isSymbol(tokens[i], '(')) depth += 1;
    else if (isSymbol(tokens[i], ')')) depth -= 1;
    else if (
      depth === 0 &&
      (isWord(tokens[i], 'FIRST') || isWord(tokens[i], 'LAST')) &&
      isSymbol(tokens[i + 1], '(') &&
      isName(tokens[i + 2]) &&
      isSymbol(tokens[i + 3], ')') &&
      i + 4 === to &&
      // After the condition's last operand, not as a call inside it.
      endsOperand(tokens[i - 1])
    ) {
      return i;
    }
  }
  return -1;
}

export function directedJoins(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  for (const join of joinClauses(tokens)) {
    const directed = join.kind.includes('DIRECTED');
    if (directed) {
      const word = tokens[join.join - 1];
      edits.push({ start: word.start, end: tokens[join.join].start, text: '' });
    }
    if (join.condition === -1) continue;
    const clause = readOrderClause(tokens, join.condition, join.end);
    if (clause === -1) continue;
    if (!directed) throw new SnowflakeQueryError(snowflakeErrors.readOrderOnUndirectedJoin());
    edits.push({ start: tokens[clause - 1].end, end: tokens[clause + 3].end, text: '' });
  }
  return applyEdits(sql, edits);
}
