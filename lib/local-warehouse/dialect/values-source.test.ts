import { describe, expect, it } from 'vitest';
import { valuesSources } from './values-source';

describe('valuesSources', () => {
  it("names an unaliased list's columns COLUMN1, COLUMN2 …", () => {
    expect(valuesSources("SELECT * FROM VALUES (1, 'a'), (2, 'b')")).toBe("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS SF_VALUES_1(COLUMN1, COLUMN2)");
    expect(valuesSources('SELECT * FROM (VALUES (1), (2)) WHERE TRUE')).toBe('SELECT * FROM (VALUES (1), (2)) AS SF_VALUES_1(COLUMN1) WHERE TRUE');
  });

  it('gives an alias without names the same names, and keeps names the alias gives', () => {
    expect(valuesSources('SELECT V.COLUMN1 FROM VALUES (1, 2) AS V')).toBe('SELECT V.COLUMN1 FROM (VALUES (1, 2)) AS V(COLUMN1, COLUMN2)');
    expect(valuesSources('SELECT * FROM VALUES (1, 2) V (X, Y)')).toBe('SELECT * FROM (VALUES (1, 2)) V (X, Y)');
  });

  it('names two lists in one query apart', () => {
    const sql = valuesSources('SELECT * FROM VALUES (1) JOIN VALUES (2) ON TRUE');
    expect(sql).toContain('SF_VALUES_1(COLUMN1)');
    expect(sql).toContain('SF_VALUES_2(COLUMN1)');
  });

  it("leaves INSERT's VALUES alone", () => {
    expect(valuesSources('INSERT INTO T VALUES (1, 2)')).toBe('INSERT INTO T VALUES (1, 2)');
  });
});
