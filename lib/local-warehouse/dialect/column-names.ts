/**
 * Result column names as Snowflake reports them. Plain columns and aliases already have
 * Snowflake's names once identifiers are upper-cased (uppercase-identifiers.ts), so DuckDB's
 * name is kept for them and for `*` expansions. An unaliased expression is named after its
 * text, upper-cased (`COUNT(*)`, `SEQ4()`, `SYSTEM$WAIT(1)`), where DuckDB would say
 * `count_star()`. `VALUES` columns are COLUMN1, COLUMN2, … When the select list cannot be
 * matched to DuckDB's columns (several stars, a FROM-first query) DuckDB's names stand.
 */
import { isSymbol, isTrivia, isWord, lex, type Token } from '@/lib/domain/sql/lexer';
import { identifierName, significantTokens } from './tokens';

const SELECT_LIST_END = [
  'FROM', 'WHERE', 'GROUP', 'HAVING', 'QUALIFY', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH',
  'UNION', 'EXCEPT', 'INTERSECT', 'MINUS', 'WINDOW', 'INTO',
];

export function resultColumnNames(sql: string, duckdbNames: string[]): string[] {
  const tokens = significantTokens(sql);
  if (isWord(tokens[0], 'VALUES')) return duckdbNames.map((_, i) => `COLUMN${i + 1}`);
  const items = selectItems(tokens);
  if (!items) return duckdbNames;
  const stars = items.filter((item) => isStar(item)).length;
  const starWidth = duckdbNames.length - (items.length - stars);
  if (stars > 1 || (stars === 0 && starWidth !== 0) || starWidth < 0) return duckdbNames;

  const names: string[] = [];
  for (const item of items) {
    if (isStar(item)) {
      names.push(...duckdbNames.slice(names.length, names.length + starWidth));
      continue;
    }
    const duckdbName = duckdbNames[names.length];
    const last = item[item.length - 1];
    const namedByLastWord =
      (last.kind === 'identifier' || last.kind === 'quoted_identifier') && identifierName(last) === duckdbName;
    names.push(namedByLastWord ? duckdbName : expressionName(sql.slice(item[0].start, last.end)));
  }
  return names;
}

/** The top-level select list's items, or null when there is none to read. */
function selectItems(tokens: Token[]): Token[][] | null {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < tokens.length && start === -1; i += 1) {
    if (isSymbol(tokens[i], '(')) depth += 1;
    else if (isSymbol(tokens[i], ')')) depth -= 1;
    else if (depth === 0 && isWord(tokens[i], 'SELECT')) start = i + 1;
  }
  if (start === -1) return null;
  if (isWord(tokens[start], 'DISTINCT') || isWord(tokens[start], 'ALL')) start += 1;
  if (isWord(tokens[start], 'TOP')) start += 2;

  const items: Token[][] = [[]];
  depth = 0;
  for (let i = start; i < tokens.length; i += 1) {
    const token = tokens[i];
    // `LISTAGG(…) WITHIN GROUP (ORDER BY …)`: that GROUP is part of the item.
    const withinGroup = isWord(token, 'GROUP') && isWord(tokens[i - 1], 'WITHIN');
    if (depth === 0 && !withinGroup && SELECT_LIST_END.some((word) => isWord(token, word))) break;
    if (isSymbol(token, '(') || isSymbol(token, '[') || isSymbol(token, '{')) depth += 1;
    else if (isSymbol(token, ')') || isSymbol(token, ']') || isSymbol(token, '}')) depth -= 1;
    if (depth === 0 && isSymbol(token, ',')) items.push([]);
    else items[items.length - 1].push(token);
  }
  return items.every((item) => item.length > 0) ? items : null;
}

/** `*`, `t.*`, `* EXCLUDE (…)`, `COLUMNS(…)`: items that expand to several columns. */
function isStar(item: Token[]): boolean {
  if (isWord(item[0], 'COLUMNS') && isSymbol(item[1], '(')) return true;
  return item.some((token, i) => isSymbol(token, '*') && (i === 0 || isSymbol(item[i - 1], '.')));
}

function expressionName(text: string): string {
  return lex(text)
    .filter((token) => !isTrivia(token) || token.kind === 'whitespace')
    .map((token) => (token.kind === 'identifier' || token.kind === 'string' ? token.text.toUpperCase() : token.text))
    .join('')
    .trim();
}

const DEDUPLICATED = /^(.+)_(\d+)$/s;

/**
 * Columns DuckDB may have renamed: a subquery's (or a CTE's, a view's, RESULT_SCAN's) columns
 * of the same name come out of it as FOO, FOO_1, FOO_2, where Snowflake keeps FOO, FOO, FOO.
 * For each name of that shape whose base name comes earlier and that the statement itself never
 * writes (as a name, alias or string), the name it had; the engine restores it once it has
 * checked that no table has a column of the suffixed name.
 */
export function deduplicatedNames(sql: string, names: string[]): Map<number, string> {
  const written = new Set(
    significantTokens(sql)
      .filter((token) => token.kind === 'identifier' || token.kind === 'quoted_identifier' || token.kind === 'string')
      .map((token) => (token.kind === 'string' ? token.text.slice(1, -1) : identifierName(token)).toUpperCase()),
  );
  const restored = new Map<number, string>();
  names.forEach((name, i) => {
    const match = DEDUPLICATED.exec(name);
    if (!match || written.has(name.toUpperCase())) return;
    const base = match[1].toUpperCase();
    if (names.slice(0, i).some((earlier, k) => (restored.get(k) ?? earlier).toUpperCase() === base)) restored.set(i, match[1]);
  });
  return restored;
}
