/**
 * The assignments of UPDATE and of MERGE's WHEN MATCHED … THEN UPDATE as Snowflake takes them:
 * - a target column written with its table's name or alias (`SET t.v = s.v`, as Snowflake's own
 *   MERGE examples write it) is the column itself; DuckDB refuses a qualified column in SET, so
 *   the qualifier goes;
 * - MERGE's `UPDATE ALL BY NAME` and `INSERT ALL BY NAME` (every column from the source column of
 *   the same name) are DuckDB's `UPDATE BY NAME` and `INSERT BY NAME`.
 * https://docs.snowflake.com/en/sql-reference/sql/update
 * https://docs.snowflake.com/en/sql-reference/sql/merge
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { applyEdits, significantTokens, type Edit } from './tokens';

const isName = (token: Token | undefined) => token?.kind === 'identifier' || token?.kind === 'quoted_identifier';

/** Words that end an UPDATE's or a MERGE clause's list of assignments. */
const AFTER_ASSIGNMENTS = ['FROM', 'WHERE', 'WHEN', 'RETURNING'];

/** Edits dropping the qualifier of each target column in the SET list starting after `set`. */
function unqualifiedTargets(tokens: Token[], set: number): Edit[] {
  const edits: Edit[] = [];
  let depth = 0;
  let start = set + 1;
  for (let i = set + 1; i <= tokens.length; i += 1) {
    const token = tokens[i];
    const ends = !token || (depth === 0 && (isSymbol(token, ',') || isSymbol(token, ';') || AFTER_ASSIGNMENTS.some((word) => isWord(token, word))));
    if (ends) {
      // `a.b = …` or `a.b.c = …`: everything before the last name goes.
      let column = start;
      while (isName(tokens[column]) && isSymbol(tokens[column + 1], '.') && isName(tokens[column + 2])) column += 2;
      if (column > start && isSymbol(tokens[column + 1], '=')) edits.push({ start: tokens[start].start, end: tokens[column].start, text: '' });
      if (!token || !isSymbol(token, ',')) break;
      start = i + 1;
    } else if (isSymbol(token, '(')) depth += 1;
    else if (isSymbol(token, ')')) depth -= 1;
  }
  return edits;
}

export function dmlAssignments(sql: string): string {
  const tokens = significantTokens(sql);
  if (!isWord(tokens[0], 'UPDATE') && !isWord(tokens[0], 'MERGE')) return sql;
  const edits: Edit[] = [];
  let depth = 0;
  tokens.forEach((token, i) => {
    if (isSymbol(token, '(')) depth += 1;
    else if (isSymbol(token, ')')) depth -= 1;
    else if (depth > 0) return;
    else if (isWord(token, 'SET')) edits.push(...unqualifiedTargets(tokens, i));
    else if (isWord(token, 'ALL') && isWord(tokens[i + 1], 'BY') && isWord(tokens[i + 2], 'NAME') && (isWord(tokens[i - 1], 'UPDATE') || isWord(tokens[i - 1], 'INSERT'))) {
      edits.push({ start: token.start, end: tokens[i + 1].start, text: '' });
    }
  });
  return applyEdits(sql, edits);
}
