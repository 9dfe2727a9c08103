import { describe, expect, it } from 'vitest';
import { asofJoins } from './asof-join';

describe('asofJoins', () => {
  it('keeps unmatched left rows and moves the match condition into ON', () => {
    expect(asofJoins('SELECT * FROM L ASOF JOIN R MATCH_CONDITION(L.C3>=R.C3) ON(L.C1=R.C1 AND L.C2=R.C2) ORDER BY L.C1')).toBe(
      'SELECT * FROM L ASOF LEFT JOIN R ON (L.C1=R.C1 AND L.C2=R.C2) AND (L.C3>=R.C3) ORDER BY L.C1',
    );
    expect(asofJoins('SELECT * FROM L ASOF JOIN R MATCH_CONDITION (L.T < R.T) WHERE L.X > 0')).toBe(
      'SELECT * FROM L ASOF LEFT JOIN R ON (L.T < R.T) WHERE L.X > 0',
    );
    expect(asofJoins('SELECT * FROM L AS A ASOF JOIN R B MATCH_CONDITION (A.T >= B.T) ON A.K = B.K JOIN S ON S.K = A.K')).toBe(
      'SELECT * FROM L AS A ASOF LEFT JOIN R B ON A.K = B.K AND (A.T >= B.T) JOIN S ON S.K = A.K',
    );
  });

  it('refuses the USING form', () => {
    expect(() => asofJoins('SELECT * FROM L ASOF JOIN R MATCH_CONDITION (L.T >= R.T) USING (K)')).toThrow(/Unsupported feature 'ASOF JOIN … USING'/);
  });

  it('leaves other joins alone', () => {
    const sql = 'SELECT * FROM L LEFT JOIN R ON L.K = R.K';
    expect(asofJoins(sql)).toBe(sql);
  });
});

describe('asofJoins checks', () => {
  it("refuses a match condition that is not one comparison of the left side's column with the right side's", () => {
    expect(() => asofJoins('SELECT * FROM P ASOF JOIN S MATCH_CONDITION(P.OBSERVED=S.OBSERVED)')).toThrow(expect.objectContaining({ snowflake: expect.objectContaining({ code: '010001' }) }));
    expect(() => asofJoins('SELECT * FROM P ASOF JOIN S MATCH_CONDITION(P.A >= S.A AND P.B >= S.B)')).toThrow(/Only comparison operators/);
    expect(() => asofJoins('SELECT * FROM SNOWTIME S ASOF JOIN PRECIPTIME P MATCH_CONDITION(P.OBSERVED>=S.OBSERVED)')).toThrow(
      expect.objectContaining({ snowflake: expect.objectContaining({ code: '010002' }) }),
    );
    expect(() => asofJoins('SELECT * FROM T1 ASOF JOIN LATERAL (SELECT A FROM T2) T2 MATCH_CONDITION(T1.A >= T2.A)')).toThrow(
      expect.objectContaining({ snowflake: expect.objectContaining({ code: '010004' }) }),
    );
  });

  it('refuses an ON that is not a conjunction of equalities, naming the condition', () => {
    expect(() => asofJoins('SELECT * FROM P ASOF JOIN S MATCH_CONDITION(P.O>=S.O) ON S.STATE>=P.STATE')).toThrow('S.STATE >= P.STATE is invalid.');
    expect(() => asofJoins('SELECT * FROM P ASOF JOIN S MATCH_CONDITION(P.O>=S.O) ON S.STATE=P.STATE OR S.L=P.L')).toThrow(
      expect.objectContaining({ snowflake: expect.objectContaining({ code: '010010' }) }),
    );
  });

  it('accepts unqualified right-side columns and a parenthesised ON', () => {
    expect(asofJoins('SELECT * FROM TRADES T ASOF JOIN QUOTES Q MATCH_CONDITION(T.TRADE_TIME >= QUOTE_TIME) ON (T.S = Q.S AND T.X = Q.X)')).toBe(
      'SELECT * FROM TRADES T ASOF LEFT JOIN QUOTES Q ON (T.S = Q.S AND T.X = Q.X) AND (T.TRADE_TIME >= QUOTE_TIME)',
    );
  });
});
