import { describe, expect, it } from 'vitest';
import { joinClauses } from './join-clauses';
import { significantTokens } from './tokens';

/** Each join as text: its kind, its condition word and what follows the join. */
function joins(sql: string) {
  const tokens = significantTokens(sql);
  return joinClauses(tokens).map((join) => ({
    kind: join.kind.join(' '),
    condition: join.condition === -1 ? null : tokens[join.condition].text,
    next: tokens[join.end]?.text ?? null,
  }));
}

describe('joinClauses', () => {
  it('reads each join: its kind, its condition and where it ends', () => {
    expect(joins('SELECT * FROM A LEFT OUTER JOIN B ON A.X = B.X INNER DIRECTED JOIN C USING (X) WHERE TRUE')).toEqual([
      { kind: 'LEFT OUTER', condition: 'ON', next: 'INNER' },
      { kind: 'INNER DIRECTED', condition: 'USING', next: 'WHERE' },
    ]);
    expect(joins('SELECT * FROM (A JOIN B) CROSS JOIN C, D ASOF JOIN E MATCH_CONDITION (D.T >= E.T) ORDER BY 1')).toEqual([
      { kind: '', condition: null, next: ')' },
      { kind: 'CROSS', condition: null, next: ',' },
      { kind: 'ASOF', condition: 'MATCH_CONDITION', next: 'ORDER' },
    ]);
  });

  it('reads LEFT(…), CASE … WHEN and qualified clause words inside a condition as part of it', () => {
    expect(joins('SELECT * FROM A JOIN B ON LEFT(A.S, 1) = CASE WHEN B.T.ORDER > 0 THEN B.S END GROUP BY 1')).toEqual([
      { kind: '', condition: 'ON', next: 'GROUP' },
    ]);
  });
});
