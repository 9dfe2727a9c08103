/**
 * Snowflake's sampling clause on a FROM item:
 *
 *   { SAMPLE | TABLESAMPLE } [ { BERNOULLI | ROW } | { SYSTEM | BLOCK } ]
 *     ( { <probability> | <num> ROWS } ) [ { REPEATABLE | SEED } ( <seed> ) ]
 *
 * as DuckDB's TABLESAMPLE: a probability (a percentage, 0 to 100) samples each row (BERNOULLI,
 * the default) or each block of rows (SYSTEM); a fixed number of rows is a reservoir sample; a
 * seed makes the sample repeatable. DuckDB's blocks are not Snowflake's micro-partitions, so
 * which rows a SYSTEM sample or a seed picks differs; how many rows (0%, 100%, n ROWS) does not.
 * https://docs.snowflake.com/en/sql-reference/constructs/sample
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { applyEdits, closingParen, significantTokens, sourceOf, type Edit } from './tokens';

const METHODS: Record<string, string> = { BERNOULLI: 'BERNOULLI', ROW: 'BERNOULLI', SYSTEM: 'SYSTEM', BLOCK: 'SYSTEM' };

const endsFromItem = (token: Token | undefined) =>
  token?.kind === 'identifier' || token?.kind === 'quoted_identifier' || isSymbol(token, ')');

export function sampleClauses(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    if (!(isWord(token, 'SAMPLE') || isWord(token, 'TABLESAMPLE')) || !endsFromItem(tokens[i - 1])) return;
    const methodWord = tokens[i + 1]?.kind === 'identifier' ? tokens[i + 1].text.toUpperCase() : '';
    const method = METHODS[methodWord];
    const open = method ? i + 2 : i + 1;
    if (!isSymbol(tokens[open], '(')) return;
    const close = closingParen(tokens, open);
    if (close === -1) return;
    const rows = isWord(tokens[close - 1], 'ROWS');
    const size = sourceOf(sql, tokens, open + 1, rows ? close - 1 : close);
    let text = rows ? `TABLESAMPLE RESERVOIR(${size} ROWS)` : `TABLESAMPLE ${method ?? 'BERNOULLI'}(${size} PERCENT)`;
    let end = close;
    if ((isWord(tokens[close + 1], 'REPEATABLE') || isWord(tokens[close + 1], 'SEED')) && isSymbol(tokens[close + 2], '(')) {
      const seedClose = closingParen(tokens, close + 2);
      if (seedClose === -1) return;
      text += ` REPEATABLE (${sourceOf(sql, tokens, close + 3, seedClose)})`;
      end = seedClose;
    }
    edits.push({ start: token.start, end: tokens[end].end, text });
  });
  return applyEdits(sql, edits);
}
