/**
 * `IDENTIFIER( '<name>' )`, wherever an object or column name goes (and `TABLE( '<name>' )` in a
 * FROM clause): the string is read as the name it spells, `'t'`, `'db.schema.t'` or
 * `'"Mixed Case"'`, and written into the statement in its place, before anything else reads the
 * statement (catalog statements, the dialect, the status answers). A bind variable is a literal
 * by then (inline-binds.ts), so `IDENTIFIER(?)` works too.
 * https://docs.snowflake.com/en/sql-reference/identifier-literal
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { applyEdits, significantTokens, stringValue, type Edit } from './tokens';

const PART = /^(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")/;

/** The name a string spells, as SQL text, or null when it is no valid (one- to three-part) name. */
export function identifierText(value: string): string | null {
  const parts: string[] = [];
  let rest = value.trim();
  for (;;) {
    const part = PART.exec(rest);
    if (!part) return null;
    parts.push(part[0]);
    rest = rest.slice(part[0].length);
    if (rest === '') break;
    if (!rest.startsWith('.')) return null;
    rest = rest.slice(1);
  }
  return parts.length <= 3 ? parts.join('.') : null;
}

export function identifierLiterals(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    const table = isWord(token, 'TABLE') && (isWord(tokens[i - 1], 'FROM') || isWord(tokens[i - 1], 'JOIN') || isSymbol(tokens[i - 1], ','));
    if (!(isWord(token, 'IDENTIFIER') || table) || !isSymbol(tokens[i + 1], '(') || !isSymbol(tokens[i + 3], ')')) return;
    const value = stringValue(tokens[i + 2]);
    if (value === null) return;
    const name = identifierText(value);
    if (name === null) {
      throw new SnowflakeQueryError(snowflakeErrors.invalidIdentifier(tokens[i + 2].line, tokens[i + 2].column - 1, value));
    }
    edits.push({ start: token.start, end: tokens[i + 3].end, text: name });
  });
  return applyEdits(sql, edits);
}
