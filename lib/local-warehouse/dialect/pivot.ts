/**
 * PIVOT as Snowflake writes and names it:
 *
 *   … FROM <source> PIVOT ( <aggregate> ( <col> ) [ [ AS ] <alias> ] FOR <value col> IN (
 *       <value> [ [ AS ] <alias> ] [ , … ] | ANY [ ORDER BY … ] | <subquery> )
 *     [ DEFAULT ON NULL ( <value> ) ] ) [ [ AS ] <alias> [ ( <cols> ) ] ]
 *
 * A pivoted column is named after its value as the statement writes it, quotes and all ('JAN'),
 * unless the value has an alias; DuckDB would say JAN, so each value gets its name as an alias.
 * DEFAULT ON NULL, which DuckDB lacks, replaces the pivoted columns' NULLs around the pivot.
 * ANY and a subquery (dynamic pivots) are planned: their distinct values are read first, in the
 * order asked for, and written into the IN list. NULL is never a pivot value here (Snowflake's
 * ANY pivots on NULL too).
 * https://docs.snowflake.com/en/sql-reference/constructs/pivot
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { StatementPlan } from './plan-steps';
import { applyEdits, closingParen, quoteIdentifier, significantTokens, sourceOf, splitTopLevel, sqlString, type Edit } from './tokens';

interface Pivot {
  /** Index of the first token of the FROM item the PIVOT applies to. */
  sourceStart: number;
  keyword: number;
  close: number;
  valueColumn: [number, number];
  aggregateAlias: string | null;
  inOpen: number;
  inClose: number;
  /** DEFAULT ON NULL: index of DEFAULT and of its value's closing parenthesis. */
  onNull: { start: number; open: number; close: number } | null;
}

const FROM_ITEM_STARTS = ['FROM', 'JOIN'];

function findPivots(tokens: Token[]): Pivot[] {
  const pivots: Pivot[] = [];
  tokens.forEach((token, keyword) => {
    if (!isWord(token, 'PIVOT') || !isSymbol(tokens[keyword + 1], '(') || keyword === 0) return;
    const close = closingParen(tokens, keyword + 1);
    if (close === -1) return;
    let depth = 0;
    let forAt = -1;
    let inAt = -1;
    for (let i = keyword + 2; i < close; i += 1) {
      if (isSymbol(tokens[i], '(')) depth += 1;
      else if (isSymbol(tokens[i], ')')) depth -= 1;
      else if (depth === 0 && forAt === -1 && isWord(tokens[i], 'FOR')) forAt = i;
      else if (depth === 0 && forAt !== -1 && inAt === -1 && isWord(tokens[i], 'IN')) inAt = i;
    }
    if (forAt === -1 || inAt === -1 || !isSymbol(tokens[inAt + 1], '(')) return;
    const inClose = closingParen(tokens, inAt + 1);
    let onNull: Pivot['onNull'] = null;
    if (isWord(tokens[inClose + 1], 'DEFAULT') && isWord(tokens[inClose + 2], 'ON') && isWord(tokens[inClose + 3], 'NULL')) {
      const open = inClose + 4;
      onNull = { start: inClose + 1, open, close: closingParen(tokens, open) };
    }
    const last = tokens[forAt - 1];
    const aliased =
      last.kind !== 'operator' &&
      (isWord(tokens[forAt - 2], 'AS') || isSymbol(tokens[forAt - 2], ')')) &&
      (last.kind === 'identifier' || last.kind === 'quoted_identifier');
    pivots.push({
      sourceStart: sourceStart(tokens, keyword),
      keyword,
      close,
      valueColumn: [forAt + 1, inAt],
      aggregateAlias: aliased ? last.text : null,
      inOpen: inAt + 1,
      inClose,
      onNull,
    });
  });
  return pivots;
}

/** The first token of the FROM item before tokens[keyword]: after FROM, JOIN or a comma. */
function sourceStart(tokens: Token[], keyword: number): number {
  let depth = 0;
  for (let i = keyword - 1; i >= 0; i -= 1) {
    if (isSymbol(tokens[i], ')')) depth += 1;
    else if (isSymbol(tokens[i], '(')) depth -= 1;
    else if (depth === 0 && (isSymbol(tokens[i], ',') || FROM_ITEM_STARTS.some((word) => isWord(tokens[i], word)))) return i + 1;
    if (depth < 0) return i + 1;
  }
  return 0;
}

const isDynamic = (tokens: Token[], pivot: Pivot) => isWord(tokens[pivot.inOpen + 1], 'ANY') || isWord(tokens[pivot.inOpen + 1], 'SELECT') || isWord(tokens[pivot.inOpen + 1], 'WITH');

/** An IN list item's value and, when it has one, its alias. */
function valueItem(sql: string, tokens: Token[], [from, to]: [number, number]): { value: string; alias: string | null } {
  const last = tokens[to - 1];
  const named = to - from >= 2 && (last.kind === 'identifier' || last.kind === 'quoted_identifier') && tokens[to - 2].kind !== 'operator';
  if (!named) return { value: sourceOf(sql, tokens, from, to), alias: null };
  const valueEnd = isWord(tokens[to - 2], 'AS') ? to - 2 : to - 1;
  return { value: sourceOf(sql, tokens, from, valueEnd), alias: last.text };
}

/** The pivoted columns' names, in order, as the statement names them. */
function pivotedNames(sql: string, tokens: Token[], pivot: Pivot): string[] {
  const suffix = pivot.aggregateAlias === null ? '' : `_${pivot.aggregateAlias.replace(/^"|"$/g, '')}`;
  return splitTopLevel(tokens, pivot.inOpen + 1, pivot.inClose).map((range) => {
    const { value, alias } = valueItem(sql, tokens, range);
    const name = alias === null ? value : alias.startsWith('"') ? alias.slice(1, -1).replace(/""/g, '"') : alias;
    return `${name}${suffix}`;
  });
}

/**
 * Names each pivoted column after its value, and applies DEFAULT ON NULL around the pivot. Pivots
 * on ANY or a subquery are left for dynamicPivotPlan.
 */
export function pivotColumnNames(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  for (const pivot of findPivots(tokens)) {
    if (isDynamic(tokens, pivot)) continue;
    for (const range of splitTopLevel(tokens, pivot.inOpen + 1, pivot.inClose)) {
      const { value, alias } = valueItem(sql, tokens, range);
      if (alias === null) edits.push({ start: tokens[range[1] - 1].end, end: tokens[range[1] - 1].end, text: ` AS ${quoteIdentifier(value)}` });
    }
    if (pivot.onNull && pivot.onNull.close !== -1) {
      const fallback = sourceOf(sql, tokens, pivot.onNull.open + 1, pivot.onNull.close);
      const replaced = pivotedNames(sql, tokens, pivot).map((name) => `COALESCE(${quoteIdentifier(name)}, ${fallback}) AS ${quoteIdentifier(name)}`);
      edits.push({ start: tokens[pivot.sourceStart].start, end: tokens[pivot.sourceStart].start, text: `(SELECT * REPLACE (${replaced.join(', ')}) FROM ` });
      edits.push({ start: tokens[pivot.onNull.start].start, end: tokens[pivot.onNull.close].end, text: '' });
      edits.push({ start: tokens[pivot.close].end, end: tokens[pivot.close].end, text: ')' });
    }
  }
  return applyEdits(sql, edits);
}

const NUMERIC_TYPE = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|DECIMAL\(\d+,\d+\)|FLOAT|DOUBLE)$/;

/** A value read back from DuckDB as text, written as a pivot value: a literal and its column name. */
export function pivotValue(text: string, type: string): string {
  if (NUMERIC_TYPE.test(type)) return `${text} AS ${quoteIdentifier(text)}`;
  const literal = type === 'VARCHAR' ? sqlString(text) : `CAST(${sqlString(text)} AS ${type})`;
  return `${literal} AS ${quoteIdentifier(sqlString(text))}`;
}

/** The query reading a dynamic pivot's values (as text, with their DuckDB type), in order. */
export function pivotValuesQuery(sql: string, tokens: Token[], pivot: Pivot): string {
  const value = 'SF_PIVOT_VALUE';
  const read = (from: string) => `SELECT CAST(${value} AS VARCHAR), typeof(${value}) FROM (${from}) WHERE ${value} IS NOT NULL`;
  if (!isWord(tokens[pivot.inOpen + 1], 'ANY')) {
    return read(`SELECT * FROM (${sourceOf(sql, tokens, pivot.inOpen + 1, pivot.inClose)}) AS SF_PIVOT_VALUES(${value})`);
  }
  const column = sourceOf(sql, tokens, ...pivot.valueColumn);
  const source = sourceOf(sql, tokens, pivot.sourceStart, pivot.keyword);
  const orderBy = pivot.inClose > pivot.inOpen + 2 ? sourceOf(sql, tokens, pivot.inOpen + 2, pivot.inClose) : 'ORDER BY 1';
  return read(`SELECT DISTINCT ${column} AS ${value} FROM ${source} ${orderBy}`);
}

export function dynamicPivotPlan(sql: string): StatementPlan | null {
  const firstDynamic = (text: string) => {
    const tokens = significantTokens(text);
    const pivot = findPivots(tokens).find((candidate) => isDynamic(tokens, candidate));
    return pivot ? { tokens, pivot } : null;
  };
  if (!firstDynamic(sql)) return null;
  return {
    atomic: false,
    async execute(run) {
      let resolved = sql;
      for (let next = firstDynamic(resolved); next; next = firstDynamic(resolved)) {
        const { tokens, pivot } = next;
        const { rows } = await run(pivotValuesQuery(resolved, tokens, pivot));
        const seen = new Set<string>();
        const values = rows.map(([text, type]) => [String(text), String(type)]).filter(([text]) => !seen.has(text) && seen.add(text));
        if (values.length === 0) throw new SnowflakeQueryError(snowflakeErrors.unsupported('PIVOT on ANY or a subquery that finds no values'));
        const list = values.map(([text, type]) => pivotValue(text, type)).join(', ');
        resolved = applyEdits(resolved, [{ start: tokens[pivot.inOpen].end, end: tokens[pivot.inClose].start, text: list }]);
      }
      return { kind: 'select', sql: pivotColumnNames(resolved) };
    },
  };
}
