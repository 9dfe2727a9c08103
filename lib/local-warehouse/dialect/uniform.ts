/**
 * UNIFORM(min, max, gen): a number in [min, max] drawn from `gen`, typically RANDOM(). As in
 * Snowflake the result depends on `gen` alone (a constant gen gives a constant), min and max
 * must be constants, and the result is an integer when both are integers, else a float. Here
 * `gen` is hashed to 64 uniform bits and mapped onto the range: `min + hash % (max - min + 1)`
 * for integers, `min + hash / 2^64 * (max - min)` for floats.
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { applyEdits, closingParen, significantTokens, sourceOf, splitTopLevel, type Edit } from './tokens';

/** Type names a constant can be cast to that make it a float (after type-names.ts: DOUBLE). */
const FLOAT_TYPES = ['DOUBLE', 'FLOAT', 'FLOAT4', 'FLOAT8', 'REAL'];
const TWO_TO_THE_64 = 2 ** 64;

interface Bound {
  text: string;
  float: boolean;
}

export function uniformFunction(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isWord(tokens[i], 'UNIFORM') || !isSymbol(tokens[i + 1], '(') || isSymbol(tokens[i - 1], '.')) continue;
    const close = closingParen(tokens, i + 1);
    if (close === -1) continue;
    const args = splitTopLevel(tokens, i + 2, close);
    if (args.length !== 3) {
      throw new SnowflakeQueryError(
        snowflakeErrors.compilation(`UNIFORM takes 3 arguments (min, max, gen); got ${args.length}.`),
      );
    }
    const [min, max] = args.slice(0, 2).map(([from, to], k) => bound(sql, tokens, from, to, k + 1));
    const gen = sourceOf(sql, tokens, args[2][0], args[2][1]);
    edits.push({ start: tokens[i].start, end: tokens[close].end, text: uniformSql(min, max, gen) });
    i = close;
  }
  return applyEdits(sql, edits);
}

function uniformSql(min: Bound, max: Bound, gen: string): string {
  if (min.float || max.float) {
    const [low, high] = [Number(min.text), Number(max.text)];
    requireOrdered(low <= high, min, max);
    return `(${low}::DOUBLE + hash(${gen})::DOUBLE * ${(high - low) / TWO_TO_THE_64})`;
  }
  const [low, high] = [BigInt(min.text), BigInt(max.text)];
  requireOrdered(low <= high, min, max);
  return `CAST(${low}::HUGEINT + hash(${gen}) % ${high - low + 1n} AS BIGINT)`;
}

function requireOrdered(ordered: boolean, min: Bound, max: Bound): void {
  if (!ordered) {
    throw new SnowflakeQueryError(
      snowflakeErrors.compilation(`UNIFORM: min (${min.text}) must not be greater than max (${max.text}).`),
    );
  }
}

/** A constant: `[-]number [::type]`; a float when written with a fraction or exponent, or cast to a float type. */
function bound(sql: string, tokens: Token[], from: number, to: number, position: number): Bound {
  const negative = isSymbol(tokens[from], '-');
  const number = tokens[negative ? from + 1 : from];
  const castAt = negative ? from + 2 : from + 1;
  const cast = isSymbol(tokens[castAt], '::') ? tokens[castAt + 1] : undefined;
  if (number?.kind !== 'number' || (castAt < to && !cast)) {
    throw new SnowflakeQueryError(
      snowflakeErrors.compilation(
        `argument ${position} to function UNIFORM needs to be constant, found '${sourceOf(sql, tokens, from, to)}'`,
      ),
    );
  }
  const written = `${negative ? '-' : ''}${number.text}`;
  const fraction = /[.eE]/.test(number.text);
  if (!cast) return { text: written, float: fraction };
  const float = FLOAT_TYPES.some((type) => isWord(cast, type));
  // A fraction cast to a fixed-point type is the integer it rounds to (half away from zero).
  const rounded = () => String(Math.sign(Number(written)) * Math.round(Math.abs(Number(written))));
  return { text: float || !fraction ? written : rounded(), float };
}
