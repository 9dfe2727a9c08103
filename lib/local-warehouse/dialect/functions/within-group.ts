/**
 * PERCENTILE_CONT and PERCENTILE_DISC take their value in Snowflake's ordered-set syntax,
 * `PERCENTILE_CONT(p) WITHIN GROUP (ORDER BY x [ASC | DESC] [NULLS …])`, as an aggregate or
 * with `OVER (PARTITION BY …)`. DuckDB reads that syntax only as an aggregate, so the call is
 * written as a plain aggregate of the ordered value: `SF_PERCENTILE_CONT(x, p)`, which works
 * both ways. A descending order interpolates from the other end, `1 - p`; PERCENTILE_DISC picks
 * from the negated values (`SF_PERCENTILE_DISC_DESC`), since the value whose descending
 * CUME_DIST first reaches p is not the one whose ascending CUME_DIST reaches 1 - p when p·n is
 * whole; so a descending PERCENTILE_DISC takes numbers only. NULLs are ignored either way, so
 * NULLS FIRST / LAST changes nothing.
 * https://docs.snowflake.com/en/sql-reference/functions/percentile_cont
 * https://docs.snowflake.com/en/sql-reference/functions/percentile_disc
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../../engine/snowflake-errors';
import { closingParen, sourceOf, splitTopLevel } from '../tokens';
import { callSites, rewriteCalls } from './call-sites';

const MACROS: Record<string, string> = { PERCENTILE_CONT: 'SF_PERCENTILE_CONT', PERCENTILE_DISC: 'SF_PERCENTILE_DISC' };

export function withinGroup(sql: string): string {
  return rewriteCalls(sql, (text, tokens) =>
    callSites(tokens, Object.keys(MACROS)).flatMap((site) => {
      const name = tokens[site.name].text.toUpperCase();
      const within = site.close + 1;
      if (!isWord(tokens[within], 'WITHIN') || !isWord(tokens[within + 1], 'GROUP') || !isSymbol(tokens[within + 2], '(')) return [];
      const close = closingParen(tokens, within + 2);
      if (close === -1) return [];
      if (!isWord(tokens[within + 3], 'ORDER') || !isWord(tokens[within + 4], 'BY')) {
        throw new SnowflakeQueryError(snowflakeErrors.compilation(`${name} needs WITHIN GROUP (ORDER BY <expression>).`));
      }
      const keys = splitTopLevel(tokens, within + 5, close);
      if (keys.length !== 1 || site.args.length !== 1) {
        throw new SnowflakeQueryError(
          snowflakeErrors.compilation(`${name} takes one percentile and orders by one expression.`),
        );
      }
      const from = keys[0][0];
      let to = keys[0][1];
      if (isWord(tokens[to - 2], 'NULLS') && (isWord(tokens[to - 1], 'FIRST') || isWord(tokens[to - 1], 'LAST'))) to -= 2;
      const descending = isWord(tokens[to - 1], 'DESC');
      if (descending || isWord(tokens[to - 1], 'ASC')) to -= 1;
      const percentile = sourceOf(text, tokens, site.args[0][0], site.args[0][1]);
      const value = sourceOf(text, tokens, from, to);
      let call = `${MACROS[name]}(${value}, ${percentile})`;
      if (descending) call = name === 'PERCENTILE_CONT' ? `${MACROS[name]}(${value}, 1 - (${percentile}))` : `SF_PERCENTILE_DISC_DESC(${value}, ${percentile})`;
      return [{ start: tokens[site.name].start, end: tokens[close].end, text: call }];
    }),
  );
}
