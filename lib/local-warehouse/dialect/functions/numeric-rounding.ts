/**
 * ROUND, TRUNC / TRUNCATE, CEIL / CEILING and FLOOR with a scale, as Snowflake runs them.
 * DuckDB rounds a NUMBER half away from zero as Snowflake does, and keeps its type when the scale
 * is a constant, but it takes no scale in CEIL and FLOOR, no non-constant scale for a NUMBER, no
 * rounding mode and no named arguments; and TRUNC of a date with a date part is DATE_TRUNC.
 * This rewrite turns each form into a call DuckDB (or a macro of numbers.ts) runs:
 * - `ROUND(EXPR => x, SCALE => s [, ROUNDING_MODE => 'm'])` → positional arguments;
 * - `ROUND(x, s, 'HALF_TO_EVEN')` → SF_ROUND_HALF_EVEN(x, s), `'HALF_AWAY_FROM_ZERO'` →
 *   SF_ROUND_HALF_AWAY(x, s) (both refuse a FLOAT, as Snowflake does);
 * - `CEIL(x, s)` / `FLOOR(x, s)` with a constant scale → SF_CEIL(x, s, 10^-s) / SF_FLOOR(…),
 *   which keep a NUMBER's scale;
 * - a scale that is not a constant → SF_ROUND_DYNAMIC / SF_TRUNC_DYNAMIC / SF_CEIL_DYNAMIC /
 *   SF_FLOOR_DYNAMIC, computed on FLOAT;
 * - `TRUNC(d, 'MONTH')` (a date or time part as the second argument) → `DATE_TRUNC('MONTH', d)`;
 * - `TRUNCATE(x …)` → `TRUNC(x …)` (DuckDB has no TRUNCATE function).
 * https://docs.snowflake.com/en/sql-reference/functions/round
 * https://docs.snowflake.com/en/sql-reference/functions/trunc
 * https://docs.snowflake.com/en/sql-reference/functions/trunc2
 * https://docs.snowflake.com/en/sql-reference/functions/ceil
 * https://docs.snowflake.com/en/sql-reference/functions/floor
 */
import { isSymbol, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../../engine/snowflake-errors';
import { numberValue, sourceOf, stringValue, type Edit } from '../tokens';
import { callSites, rewriteCalls, type CallSite } from './call-sites';

const NAMES = ['ROUND', 'TRUNC', 'TRUNCATE', 'CEIL', 'CEILING', 'FLOOR'];

/** ROUND's named arguments, in their positional order. */
const ROUND_PARAMETERS = ['EXPR', 'SCALE', 'ROUNDING_MODE'];

/** Snowflake clamps a scale to ±38. */
const MAX_SCALE = 38;

export function numericRounding(sql: string): string {
  return rewriteCalls(sql, (text, tokens) =>
    callSites(tokens, NAMES).flatMap((site) => {
      const edit = roundingEdit(text, tokens, site);
      return edit ? [edit] : [];
    }),
  );
}

function roundingEdit(sql: string, tokens: Token[], site: CallSite): Edit | null {
  const name = tokens[site.name].text.toUpperCase();
  const named = site.args.some(([from]) => isSymbol(tokens[from + 1], '=>'));
  const args = named ? positional(sql, tokens, site, name) : site.args.map(([from, to]) => sourceOf(sql, tokens, from, to));
  const edit = (text: string): Edit => ({ start: tokens[site.name].start, end: tokens[site.close].end, text });
  if (named) return edit(`${name}(${args.join(', ')})`);
  if (args.length < 2) return name === 'TRUNCATE' ? edit(`TRUNC(${args.join(', ')})`) : null;

  const [value, scaleText] = args;
  const [scaleFrom, scaleTo] = site.args[1];
  const datePart = scaleTo - scaleFrom === 1 ? stringValue(tokens[scaleFrom]) : null;
  if (datePart !== null && (name === 'TRUNC' || name === 'TRUNCATE') && args.length === 2) {
    return edit(`DATE_TRUNC(${scaleText}, ${value})`);
  }
  const constant = numberValue(tokens, scaleFrom, scaleTo);
  const scale = constant !== null && Number.isInteger(constant) ? Math.max(-MAX_SCALE, Math.min(MAX_SCALE, constant)) : null;

  if (name === 'ROUND' && args.length === 3) return edit(roundingModeCall(tokens, site, value, scaleText, scale));
  if (args.length !== 2) return null;
  switch (name) {
    case 'ROUND':
      return scale === null ? edit(`SF_ROUND_DYNAMIC(${value}, ${scaleText})`) : null;
    case 'TRUNC':
    case 'TRUNCATE':
      if (scale === null) return edit(`SF_TRUNC_DYNAMIC(${value}, ${scaleText})`);
      return name === 'TRUNCATE' ? edit(`TRUNC(${value}, ${scale})`) : null;
    default: {
      const direction = name === 'FLOOR' ? 'FLOOR' : 'CEIL';
      if (scale === null) return edit(`SF_${direction}_DYNAMIC(${value}, ${scaleText})`);
      return edit(`SF_${direction}(${value}, ${scale}, ${unitLiteral(scale)})`);
    }
  }
}

/** ROUND(x, s, 'mode'): the mode must be one of Snowflake's two, written as a string. */
function roundingModeCall(tokens: Token[], site: CallSite, value: string, scaleText: string, scale: number | null): string {
  const [from, to] = site.args[2];
  const mode = to - from === 1 ? stringValue(tokens[from])?.toUpperCase() : undefined;
  const scaleArg = scale === null ? scaleText : String(scale);
  const dynamic = scale === null ? '_DYNAMIC' : '';
  if (mode === 'HALF_TO_EVEN') return `SF_ROUND_HALF_EVEN${dynamic}(${value}, ${scaleArg})`;
  if (mode === 'HALF_AWAY_FROM_ZERO') return `SF_ROUND_HALF_AWAY${dynamic}(${value}, ${scaleArg})`;
  throw new SnowflakeQueryError(
    snowflakeErrors.compilation(
      `Invalid value [${tokens.slice(from, to).map((token) => token.text).join(' ')}] for ROUND's rounding mode; ` +
        `expected 'HALF_AWAY_FROM_ZERO' or 'HALF_TO_EVEN'.`,
    ),
  );
}

/** Named arguments (`EXPR => x, SCALE => s`, after any positional ones) in positional order. */
function positional(sql: string, tokens: Token[], site: CallSite, name: string): string[] {
  const values: string[] = [];
  site.args.forEach(([from, to], position) => {
    if (!isSymbol(tokens[from + 1], '=>')) {
      values[position] = sourceOf(sql, tokens, from, to);
      return;
    }
    const parameter = tokens[from].text.toUpperCase();
    const index = name === 'ROUND' ? ROUND_PARAMETERS.indexOf(parameter) : -1;
    if (index === -1 || values[index] !== undefined) {
      throw new SnowflakeQueryError(snowflakeErrors.compilation(`invalid argument name '${parameter}' for function ${name}`));
    }
    values[index] = sourceOf(sql, tokens, from + 2, to);
  });
  const missing = values.findIndex((value) => value === undefined);
  if (missing !== -1 && missing < values.length) {
    throw new SnowflakeQueryError(snowflakeErrors.compilation(`argument '${ROUND_PARAMETERS[missing]}' is missing for function ${name}`));
  }
  return values;
}

/** 10^-scale as a literal DuckDB reads as an exact number: 0.01 for 2, 1 for 0, 100 for -2. */
export function unitLiteral(scale: number): string {
  if (scale <= 0) return `1${'0'.repeat(-scale)}`;
  return `0.${'0'.repeat(scale - 1)}1`;
}
