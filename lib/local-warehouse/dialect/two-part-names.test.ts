import { describe, expect, it } from 'vitest';
import { qualifyTwoPartNames } from './two-part-names';

const context = {
  session: { database: 'SALES', schema: 'PUBLIC', warehouse: 'WH', role: 'R', user: 'U' },
  isDatabase: (name: string) => ['SALES', 'GOOGLE_REVIEWS'].includes(name.toUpperCase()),
};

describe('qualifyTwoPartNames', () => {
  it('qualifies two-part table names whose first part is a database, in table positions only', () => {
    expect(qualifyTwoPartNames('SELECT GOOGLE_REVIEWS.X FROM GOOGLE_REVIEWS.T JOIN "sales".U ON 1', context)).toBe(
      'SELECT GOOGLE_REVIEWS.X FROM "SALES".GOOGLE_REVIEWS.T JOIN "SALES"."sales".U ON 1',
    );
    expect(qualifyTwoPartNames('CREATE TABLE IF NOT EXISTS GOOGLE_REVIEWS.T (A INT)', context)).toBe(
      'CREATE TABLE IF NOT EXISTS "SALES".GOOGLE_REVIEWS.T (A INT)',
    );
  });

  it('leaves three-part names, table functions and schemas that are not databases alone', () => {
    const sql = 'SELECT * FROM GOOGLE_REVIEWS.S.T, PUBLIC.T2 JOIN TABLE(GOOGLE_REVIEWS.F(1)) ON 1';
    expect(qualifyTwoPartNames(sql, context)).toBe(sql);
  });
});
