/**
 * RANDOM([seed]): Snowflake returns a pseudo-random 64-bit integer, any BIGINT value; with a
 * seed, the same sequence of values on every run. DuckDB's random() is a DOUBLE in [0, 1), so
 * each call becomes two draws of 32 bits put together. A seed cannot travel inside the
 * expression: DuckDB keeps one generator per connection, which the runner seeds with setseed()
 * for the statement (query-runner.ts). So a statement takes one seed, and while it is seeded
 * its unseeded RANDOM() calls draw from the same repeatable sequence.
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { applyEdits, closingParen, significantTokens, sourceOf, type Edit } from './tokens';

export const RANDOM_BIGINT =
  'CAST(FLOOR(random() * 4294967296)::HUGEINT * 4294967296 + FLOOR(random() * 4294967296)::HUGEINT ' +
  '- 9223372036854775808 AS BIGINT)';

/** DuckDB's setseed() takes a DOUBLE in [-1, 1]; Snowflake's seed is any integer. */
const SEED_RANGE = 2n ** 31n;

export interface RandomRewrite {
  sql: string;
  /** The setseed() value for the statement; null when no call has a seed. */
  seed: number | null;
}

export function randomFunction(sql: string): RandomRewrite {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  let seed: { text: string; value: number } | null = null;
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isWord(tokens[i], 'RANDOM') || !isSymbol(tokens[i + 1], '(') || isSymbol(tokens[i - 1], '.')) continue;
    const close = closingParen(tokens, i + 1);
    if (close === -1) continue;
    if (close > i + 2) {
      const text = sourceOf(sql, tokens, i + 2, close);
      const value = seedValue(text);
      if (seed && seed.value !== value) {
        throw new SnowflakeQueryError(
          snowflakeErrors.compilation(`RANDOM: the local warehouse takes one seed per statement; found ${seed.text} and ${text}.`),
        );
      }
      seed = { text, value };
    }
    edits.push({ start: tokens[i].start, end: tokens[close].end, text: RANDOM_BIGINT });
    i = close;
  }
  return { sql: applyEdits(sql, edits), seed: seed?.value ?? null };
}

/** An integer constant (optionally negative) as a setseed() value; anything else is refused as Snowflake does. */
function seedValue(text: string): number {
  if (!/^-?\s*[0-9]+$/.test(text)) {
    throw new SnowflakeQueryError(
      snowflakeErrors.compilation(`argument 1 to function RANDOM needs to be an integer constant, found '${text}'`),
    );
  }
  return Number(BigInt(text.replace(/\s/g, '')) % SEED_RANGE) / Number(SEED_RANGE);
}
