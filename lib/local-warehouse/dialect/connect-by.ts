/**
 * Hierarchical queries, `SELECT … FROM <source> [START WITH <predicate>] CONNECT BY
 * [PRIOR] a = [PRIOR] b [AND …] …`, which DuckDB has no form of, as the recursive CTE they mean:
 * the rows START WITH selects are level 1, and each row whose CONNECT BY condition holds against
 * a row of the level before (PRIOR naming that row's columns) is on the next level. The LEVEL
 * pseudo-column, SYS_CONNECT_BY_PATH(expr, separator) (the separator before each ancestor's
 * value, from the root down) and CONNECT_BY_ROOT expr (the value at the root) are carried in the
 * CTE. WHERE filters the rows after the hierarchy is built, as Snowflake orders it. Without
 * START WITH every row is a root. A hierarchy over a join is refused (000002).
 * https://docs.snowflake.com/en/sql-reference/constructs/connect-by
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { applyEdits, closingParen, significantTokens, sourceOf, splitTopLevel, type Edit } from './tokens';

const CLAUSES_AFTER = ['WHERE', 'GROUP', 'HAVING', 'QUALIFY', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'WINDOW'];
const BLOCK_ENDS = ['UNION', 'EXCEPT', 'MINUS', 'INTERSECT'];
const JOIN_WORDS = ['JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'ASOF', 'LATERAL'];
/** Words of a condition or expression that are not column names. */
const NOT_COLUMNS = new Set(
  'AND OR NOT NULL IS TRUE FALSE IN LIKE ILIKE RLIKE BETWEEN CASE WHEN THEN ELSE END AS PRIOR ESCAPE DISTINCT FROM'.split(' '),
);

const HIERARCHY = 'SF_HIERARCHY';
const PARENT = 'SF_PRIOR';

const isName = (token: Token | undefined): token is Token => token?.kind === 'identifier' || token?.kind === 'quoted_identifier';
const unsupported = (what: string) => new SnowflakeQueryError(snowflakeErrors.unsupported(what));

/** The query block around tokens[at]: its SELECT and the index after its last token. */
function enclosingBlock(tokens: Token[], at: number): { select: number; end: number } {
  let depth = 0;
  let select = -1;
  for (let i = at - 1; i >= 0 && select === -1; i -= 1) {
    if (isSymbol(tokens[i], ')')) depth += 1;
    else if (isSymbol(tokens[i], '(')) {
      if (depth === 0) break;
      depth -= 1;
    } else if (depth === 0 && isWord(tokens[i], 'SELECT')) select = i;
  }
  depth = 0;
  let end = at;
  for (; end < tokens.length; end += 1) {
    if (isSymbol(tokens[end], '(')) depth += 1;
    else if (isSymbol(tokens[end], ')')) {
      if (depth === 0) break;
      depth -= 1;
    } else if (depth === 0 && (isSymbol(tokens[end], ';') || BLOCK_ENDS.some((word) => isWord(tokens[end], word)))) break;
  }
  return { select, end };
}

/** Indexes of the tokens of tokens[from, to) outside parentheses that `test` accepts. */
function topLevelWords(tokens: Token[], from: number, to: number, test: (i: number) => boolean): number[] {
  const found: number[] = [];
  let depth = 0;
  for (let i = from; i < to; i += 1) {
    if (isSymbol(tokens[i], '(')) depth += 1;
    else if (isSymbol(tokens[i], ')')) depth -= 1;
    else if (depth === 0 && test(i)) found.push(i);
  }
  return found;
}

/** The source text of tokens[from, to) with those of `edits` that fall inside it applied. */
function textWith(sql: string, tokens: Token[], from: number, to: number, edits: Edit[]): string {
  if (to <= from) return '';
  const base = tokens[from].start;
  const inside = edits.filter((edit) => edit.start >= base && edit.end <= tokens[to - 1].end);
  return applyEdits(sourceOf(sql, tokens, from, to), inside.map((edit) => ({ ...edit, start: edit.start - base, end: edit.end - base })));
}

/** tokens[from, to) with each unqualified column name qualified by `table`, and PRIOR x as the parent's x. */
function qualified(sql: string, tokens: Token[], from: number, to: number, table: string, prior = false): string {
  const edits: Edit[] = [];
  for (let i = from; i < to; i += 1) {
    const token = tokens[i];
    if (prior && isWord(token, 'PRIOR')) {
      // PRIOR x, PRIOR t.x: the column of the row on the level before.
      const column = isSymbol(tokens[i + 2], '.') ? i + 3 : i + 1;
      if (!isName(tokens[column])) throw unsupported('PRIOR of an expression');
      edits.push({ start: token.start, end: tokens[column].end, text: `${PARENT}.${tokens[column].text}` });
      i = column;
      continue;
    }
    const column =
      isName(token) &&
      !NOT_COLUMNS.has(token.text.toUpperCase()) &&
      !isSymbol(tokens[i - 1], '.') &&
      !isSymbol(tokens[i - 1], '::') &&
      !isSymbol(tokens[i + 1], '.') &&
      !isSymbol(tokens[i + 1], '(');
    if (column) edits.push({ start: token.start, end: token.start, text: `${table}.` });
  }
  return textWith(sql, tokens, from, to, edits);
}

interface Carried {
  /** SYS_CONNECT_BY_PATH's expression and separator, per call. */
  paths: { from: number; to: number; separator: string }[];
  /** CONNECT_BY_ROOT's operand, per use. */
  roots: { from: number; to: number }[];
}

/** Edits replacing LEVEL, SYS_CONNECT_BY_PATH(…) and CONNECT_BY_ROOT x in tokens[from, to) with the CTE's columns. */
function pseudoColumns(sql: string, tokens: Token[], from: number, to: number, carried: Carried): Edit[] {
  const edits: Edit[] = [];
  for (let i = from; i < to; i += 1) {
    const token = tokens[i];
    if (isSymbol(tokens[i - 1], '.') || isSymbol(tokens[i + 1], '.')) continue;
    if (isWord(token, 'LEVEL') && !isSymbol(tokens[i + 1], '(')) {
      edits.push({ start: token.start, end: token.end, text: 'SF_LEVEL' });
    } else if (isWord(token, 'SYS_CONNECT_BY_PATH') && isSymbol(tokens[i + 1], '(')) {
      const close = closingParen(tokens, i + 1);
      const args = splitTopLevel(tokens, i + 2, close);
      if (close === -1 || args.length !== 2) throw unsupported('SYS_CONNECT_BY_PATH of other than an expression and a separator');
      carried.paths.push({ from: args[0][0], to: args[0][1], separator: sourceOf(sql, tokens, args[1][0], args[1][1]) });
      edits.push({ start: token.start, end: tokens[close].end, text: `SF_PATH_${carried.paths.length}` });
      i = close;
    } else if (isWord(token, 'CONNECT_BY_ROOT')) {
      let end = i + 2;
      if (isSymbol(tokens[i + 1], '(')) end = closingParen(tokens, i + 1) + 1;
      else while (isSymbol(tokens[end], '.') && isName(tokens[end + 1])) end += 2;
      if (end <= i + 1 || !(isName(tokens[i + 1]) || isSymbol(tokens[i + 1], '('))) throw unsupported('CONNECT_BY_ROOT of this operand');
      carried.roots.push({ from: i + 1, to: end });
      edits.push({ start: token.start, end: tokens[end - 1].end, text: `SF_ROOT_${carried.roots.length}` });
      i = end - 1;
    } else if (isWord(token, 'PRIOR')) throw unsupported('PRIOR outside CONNECT BY');
  }
  return edits;
}

/** The block with its first CONNECT BY rewritten as a recursive CTE; the statement's other text as is. */
function rewriteFirst(sql: string): string | null {
  const tokens = significantTokens(sql);
  const connect = tokens.findIndex((token, i) => isWord(token, 'CONNECT') && isWord(tokens[i + 1], 'BY'));
  if (connect === -1) return null;
  const { select, end } = enclosingBlock(tokens, connect);
  if (select === -1) throw unsupported('CONNECT BY outside a SELECT');
  const [from] = topLevelWords(tokens, select + 1, connect, (i) => isWord(tokens[i], 'FROM'));
  if (from === undefined) throw unsupported('CONNECT BY without FROM');
  const starts = topLevelWords(tokens, from + 1, end, (i) => isWord(tokens[i], 'START') && isWord(tokens[i + 1], 'WITH'));
  const clauses = topLevelWords(tokens, from + 1, end, (i) => CLAUSES_AFTER.some((word) => isWord(tokens[i], word)));
  const start = starts[0] ?? -1;
  // The FROM item ends at WHERE, START WITH or CONNECT BY, whichever comes first.
  const itemEnd = Math.min(connect, ...(start === -1 ? [] : [start]), ...clauses.filter((i) => i < connect));
  const boundaries = [connect, start, ...clauses].filter((i) => i > from).sort((a, b) => a - b);
  const next = (i: number) => boundaries.find((b) => b > i) ?? end;
  if (topLevelWords(tokens, from + 1, itemEnd, (i) => isSymbol(tokens[i], ',') || JOIN_WORDS.some((word) => isWord(tokens[i], word))).length > 0) {
    throw unsupported('CONNECT BY over a join');
  }
  // The source and the name its columns go by: its alias, or the table's own name.
  let item = sourceOf(sql, tokens, from + 1, itemEnd);
  let table = tokens[itemEnd - 1].text;
  if (isSymbol(tokens[itemEnd - 1], ')')) {
    table = 'SF_ROWS';
    item = `${item} AS ${table}`;
  }
  const carried: Carried = { paths: [], roots: [] };
  // A WHERE before START WITH / CONNECT BY filters afterwards, like one after them.
  const filter = clauses.find((i) => isWord(tokens[i], 'WHERE'));
  const restFrom = clauses.find((i) => i > connect && !isWord(tokens[i], 'WHERE')) ?? end;
  const edits = [
    ...pseudoColumns(sql, tokens, select + 1, from, carried),
    ...(filter === undefined ? [] : pseudoColumns(sql, tokens, filter + 1, next(filter), carried)),
    ...pseudoColumns(sql, tokens, restFrom, end, carried),
  ];
  const where = filter === undefined ? '' : ` WHERE ${textWith(sql, tokens, filter + 1, next(filter), edits)}`;
  const rest = restFrom < end ? ` ${textWith(sql, tokens, restFrom, end, edits)}` : '';

  const startWith = start === -1 ? 'TRUE' : sourceOf(sql, tokens, start + 2, next(start));
  const condition = qualified(sql, tokens, connect + 2, next(connect), table, true);
  const anchor = [`${table}.*`, '1 AS SF_LEVEL'];
  const step = [`${table}.*`, `${PARENT}.SF_LEVEL + 1`];
  carried.paths.forEach((path, k) => {
    anchor.push(`${path.separator} || (${sourceOf(sql, tokens, path.from, path.to)})::VARCHAR AS SF_PATH_${k + 1}`);
    step.push(`${PARENT}.SF_PATH_${k + 1} || ${path.separator} || (${qualified(sql, tokens, path.from, path.to, table)})::VARCHAR`);
  });
  carried.roots.forEach((root, k) => {
    anchor.push(`${sourceOf(sql, tokens, root.from, root.to)} AS SF_ROOT_${k + 1}`);
    step.push(`${PARENT}.SF_ROOT_${k + 1}`);
  });
  const hidden = ['SF_LEVEL', ...carried.paths.map((_, k) => `SF_PATH_${k + 1}`), ...carried.roots.map((_, k) => `SF_ROOT_${k + 1}`)];
  const hierarchy =
    `(WITH RECURSIVE ${HIERARCHY} AS (SELECT ${anchor.join(', ')} FROM ${item} WHERE ${startWith} ` +
    `UNION ALL SELECT ${step.join(', ')} FROM ${item} JOIN ${HIERARCHY} AS ${PARENT} ON ${condition}) SELECT * FROM ${HIERARCHY}) AS ${table}`;
  const list = hideCarried(textWith(sql, tokens, select, from, edits), hidden);
  const text = `${list} FROM ${hierarchy}${where}${rest}`;
  return applyEdits(sql, [{ start: tokens[select].start, end: tokens[end - 1].end, text }]);
}

/** The select list with `*` and `t.*` not showing the CTE's own columns. */
function hideCarried(selectList: string, hidden: string[]): string {
  const tokens = significantTokens(selectList);
  const edits: Edit[] = [];
  let depth = 0;
  tokens.forEach((token, i) => {
    if (isSymbol(token, '(')) depth += 1;
    else if (isSymbol(token, ')')) depth -= 1;
    else if (depth === 0 && isSymbol(token, '*') && (i === 1 || isSymbol(tokens[i - 1], ',') || isSymbol(tokens[i - 1], '.') || isWord(tokens[i - 1], 'DISTINCT'))) {
      edits.push({ start: token.end, end: token.end, text: ` EXCLUDE (${hidden.join(', ')})` });
    }
  });
  return applyEdits(selectList, edits);
}

export function connectBy(sql: string): string {
  let rewritten = sql;
  for (let next = rewriteFirst(rewritten); next !== null; next = rewriteFirst(rewritten)) rewritten = next;
  return rewritten;
}
