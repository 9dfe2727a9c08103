import { describe, expect, it } from 'vitest';
import { joinConditions } from './join-conditions';

describe('joinConditions', () => {
  it('pairs every row with every row for a join without ON or USING', () => {
    expect(joinConditions('SELECT * FROM T1 JOIN T2 ORDER BY 1')).toBe('SELECT * FROM T1 JOIN T2 ON TRUE ORDER BY 1');
    expect(joinConditions('SELECT * FROM T1 INNER JOIN T2 WHERE T1.A = T2.A')).toBe('SELECT * FROM T1 INNER JOIN T2 ON TRUE WHERE T1.A = T2.A');
    expect(joinConditions('SELECT * FROM D INNER JOIN LATERAL (SELECT * FROM E WHERE E.ID = D.ID) AS IV')).toBe(
      'SELECT * FROM D INNER JOIN LATERAL (SELECT * FROM E WHERE E.ID = D.ID) AS IV ON TRUE',
    );
    expect(joinConditions('SELECT * FROM A LEFT JOIN B, C JOIN D')).toBe('SELECT * FROM A LEFT JOIN B ON TRUE, C JOIN D ON TRUE');
    expect(joinConditions('SELECT * FROM (A JOIN B) JOIN C ON C.X = B.X')).toBe('SELECT * FROM (A JOIN B ON TRUE) JOIN C ON C.X = B.X');
  });

  it('leaves joins with a condition, and CROSS, NATURAL and ASOF joins, alone', () => {
    for (const sql of [
      'SELECT * FROM T1 JOIN T2 ON T1.A = T2.A JOIN T3 USING (A)',
      'SELECT * FROM T1 CROSS JOIN T2',
      'SELECT * FROM D1 NATURAL FULL OUTER JOIN D2',
      'SELECT * FROM L ASOF JOIN R MATCH_CONDITION (L.T >= R.T)',
      'SELECT * FROM T1 LEFT JOIN T2 ON (T1.A = T2.A) AND T2.B > 0 WHERE TRUE',
    ]) {
      expect(joinConditions(sql)).toBe(sql);
    }
  });
});
