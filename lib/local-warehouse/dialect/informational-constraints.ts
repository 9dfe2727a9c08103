/**
 * Snowflake records PRIMARY KEY, UNIQUE and FOREIGN KEY constraints but does not enforce them
 * (only NOT NULL is enforced): a second row with the same key is inserted. DuckDB enforces
 * them, so they are taken out of CREATE TABLE before DuckDB sees them; a PRIMARY KEY column stays
 * NOT NULL, as in Snowflake. ALTER TABLE … ADD of such a constraint is refused: the local
 * warehouse keeps no record of constraints to show.
 * https://docs.snowflake.com/en/sql-reference/constraints-overview
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { applyEdits, closingParen, significantTokens, splitTopLevel, type Edit } from './tokens';

/** Index just past a constraint's optional `CONSTRAINT name` prefix ending at `i`, walking back. */
function constraintStart(tokens: Token[], i: number): number {
  return isWord(tokens[i - 2], 'CONSTRAINT') ? i - 2 : i;
}

/** Index past the constraint's properties (ENFORCED, RELY, DEFERRABLE …), up to `end`. */
function constraintEnd(tokens: Token[], from: number, end: number): number {
  let i = from;
  while (i < end && !isSymbol(tokens[i], ',')) {
    if (isSymbol(tokens[i], '(')) i = closingParen(tokens, i);
    if (isWord(tokens[i], 'NOT') && isWord(tokens[i + 1], 'NULL')) break;
    if (isWord(tokens[i], 'DEFAULT') || isWord(tokens[i], 'COLLATE') || isWord(tokens[i], 'COMMENT')) break;
    i += 1;
  }
  return i;
}

/** Edits dropping the key constraints of one column definition or table constraint, tokens[from, to). */
function keyEdits(tokens: Token[], from: number, to: number, wholeItem: () => Edit): Edit[] {
  const edits: Edit[] = [];
  const tableConstraint = (i: number) => i === from || (i === from + 2 && isWord(tokens[from], 'CONSTRAINT'));
  for (let i = from; i < to; i += 1) {
    const primary = isWord(tokens[i], 'PRIMARY') && isWord(tokens[i + 1], 'KEY');
    const unique = isWord(tokens[i], 'UNIQUE');
    const foreign = (isWord(tokens[i], 'FOREIGN') && isWord(tokens[i + 1], 'KEY')) || isWord(tokens[i], 'REFERENCES');
    if (!primary && !unique && !foreign) continue;
    if (tableConstraint(i)) return [wholeItem()];
    const start = constraintStart(tokens, i);
    const end = constraintEnd(tokens, i + 1, to);
    edits.push({ start: tokens[start].start, end: tokens[end - 1].end, text: primary ? 'NOT NULL' : '' });
    i = end - 1;
  }
  return edits;
}

export function informationalConstraints(sql: string): string {
  const tokens = significantTokens(sql);
  if (!tokens.some((token) => isWord(token, 'PRIMARY') || isWord(token, 'UNIQUE') || isWord(token, 'FOREIGN') || isWord(token, 'REFERENCES'))) return sql;
  const edits: Edit[] = [];
  if (isWord(tokens[0], 'CREATE')) {
    const open = tokens.findIndex((token, i) => isSymbol(token, '(') && i > 0 && !isWord(tokens[i - 1], 'AS'));
    const close = open < 0 ? -1 : closingParen(tokens, open);
    if (close < 0 || tokens.slice(0, open).some((token) => isWord(token, 'AS') || isWord(token, 'SELECT'))) return sql;
    const items = splitTopLevel(tokens, open + 1, close);
    items.forEach(([from, to], k) => {
      // A whole table constraint goes with the comma before it (or after it, when it is first).
      const whole = (): Edit =>
        k > 0
          ? { start: tokens[items[k - 1][1]].start, end: tokens[to - 1].end, text: '' }
          : { start: tokens[from].start, end: items.length > 1 ? tokens[items[1][0]].start : tokens[to - 1].end, text: '' };
      edits.push(...keyEdits(tokens, from, to, whole));
    });
  } else if (isWord(tokens[0], 'ALTER') && isWord(tokens[1], 'TABLE')) {
    const add = tokens.findIndex((token) => isWord(token, 'ADD'));
    const at = isWord(tokens[add + 1], 'CONSTRAINT') ? add + 3 : add + 1;
    const key = isWord(tokens[at], 'PRIMARY') || isWord(tokens[at], 'FOREIGN') || isWord(tokens[at], 'UNIQUE');
    // Snowflake only records such a constraint; the local warehouse keeps no record of it to show.
    if (add > 0 && key) throw new SnowflakeQueryError(snowflakeErrors.unsupported(`ALTER TABLE … ADD ${tokens[at].text.toUpperCase()} constraint`));
  }
  return applyEdits(sql, edits);
}
