import { describe, expect, it } from 'vitest';
import { significantTokens } from '../tokens';
import { callSites, rewriteCalls, windowClause } from './call-sites';

describe('callSites', () => {
  it('finds calls of the names, nested ones too, but no qualified names', () => {
    const tokens = significantTokens('SELECT F(A, G(B)), S.F(C), F FROM T');
    const sites = callSites(tokens, ['F', 'G']);
    expect(sites.map((site) => [tokens[site.name].text, site.args.length])).toEqual([['F', 2], ['G', 1]]);
  });
});

describe('windowClause', () => {
  it('locates the partition, order and frame of an OVER clause', () => {
    const sql = 'SELECT SUM(X) OVER (PARTITION BY P, Q ORDER BY F(O) ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)';
    const tokens = significantTokens(sql);
    const window = windowClause(tokens, tokens.findIndex((token) => token.text === 'OVER'));
    const text = (range: [number, number] | null | undefined) => range && sql.slice(tokens[range[0]].start, tokens[range[1] - 1].end);
    expect([text(window?.partition), text(window?.order), text(window?.frame)]).toEqual([
      'PARTITION BY P, Q',
      'ORDER BY F(O)',
      'ROWS BETWEEN 1 PRECEDING AND CURRENT ROW',
    ]);
    expect(windowClause(significantTokens('SELECT SUM(X) OVER W'), 4)).toBeNull();
  });
});

describe('rewriteCalls', () => {
  it('rewrites outer calls first and inner ones on later passes', () => {
    const upper = (sql: string) =>
      rewriteCalls(sql, (text, tokens) =>
        callSites(tokens, ['F']).map((site) => ({
          start: tokens[site.name].start,
          end: tokens[site.close].end,
          text: `g${text.slice(tokens[site.open].start, tokens[site.close].end)}`,
        })),
      );
    expect(upper('SELECT F(F(1), F(2))')).toBe('SELECT g(g(1), g(2))');
  });
});
