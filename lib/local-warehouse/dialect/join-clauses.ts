/**
 * The joins of a statement as the FROM clause writes them, for the join transforms
 * (directed-join.ts, join-conditions.ts, asof-join.ts): each JOIN keyword with the words that
 * say its kind before it, where its ON / USING / MATCH_CONDITION starts, and where the join ends
 * (the next join, the next clause, a comma, the closing parenthesis or the end).
 * https://docs.snowflake.com/en/sql-reference/constructs/join
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';

export interface JoinClause {
  /** Index of the first word of the join's kind (`LEFT` of `LEFT OUTER JOIN`), or of JOIN. */
  start: number;
  /** Index of JOIN. */
  join: number;
  /** The kind's words before JOIN, upper-case (`['LEFT', 'OUTER']`, `['ASOF']`, `[]`). */
  kind: string[];
  /** Index of the join's ON, USING or MATCH_CONDITION at its own level, or -1. */
  condition: number;
  /** Index of the token after the join: a later join's first word, a clause word, `,`, `)` or the end. */
  end: number;
}

const KIND_WORDS = ['INNER', 'LEFT', 'RIGHT', 'FULL', 'OUTER', 'CROSS', 'NATURAL', 'ASOF', 'DIRECTED'];

/** Words that start the clause after the FROM clause (GROUP, ORDER, START and CONNECT with their second word). */
const CLAUSE_WORDS = ['WHERE', 'HAVING', 'QUALIFY', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'EXCEPT', 'MINUS', 'INTERSECT', 'WINDOW', 'WHEN', 'RETURNING'];
const TWO_WORD_CLAUSES: [string, string][] = [['GROUP', 'BY'], ['ORDER', 'BY'], ['START', 'WITH'], ['CONNECT', 'BY']];

const CONDITION_WORDS = ['ON', 'USING', 'MATCH_CONDITION'];

/** Whether tokens[i] starts the next join (its kind words, then JOIN) or the next clause. */
function endsJoin(tokens: Token[], i: number): boolean {
  if (isSymbol(tokens[i - 1], '.')) return false;
  if (CLAUSE_WORDS.some((word) => isWord(tokens[i], word))) return true;
  if (TWO_WORD_CLAUSES.some(([first, second]) => isWord(tokens[i], first) && isWord(tokens[i + 1], second))) return true;
  let at = i;
  while (KIND_WORDS.some((word) => isWord(tokens[at], word))) at += 1;
  return isWord(tokens[at], 'JOIN');
}

export function joinClauses(tokens: Token[]): JoinClause[] {
  const joins: JoinClause[] = [];
  tokens.forEach((token, join) => {
    if (!isWord(token, 'JOIN') || isSymbol(tokens[join - 1], '.')) return;
    let start = join;
    while (KIND_WORDS.some((word) => isWord(tokens[start - 1], word))) start -= 1;
    const kind = tokens.slice(start, join).map((word) => word.text.toUpperCase());
    let condition = -1;
    let depth = 0;
    let end = join + 1;
    for (; end < tokens.length; end += 1) {
      const at = tokens[end];
      // CASE … END nests like parentheses: its WHEN is not MERGE's.
      const word = !isSymbol(tokens[end - 1], '.');
      if (isSymbol(at, '(') || (word && isWord(at, 'CASE'))) depth += 1;
      else if (isSymbol(at, ')') || (word && isWord(at, 'END'))) {
        if (depth === 0) break;
        depth -= 1;
      } else if (depth > 0) continue;
      else if (isSymbol(at, ',') || isSymbol(at, ';')) break;
      else if (condition === -1 && CONDITION_WORDS.some((word) => isWord(at, word))) condition = end;
      else if (endsJoin(tokens, end)) break;
    }
    joins.push({ start, join, kind, condition, end });
  });
  return joins;
}
