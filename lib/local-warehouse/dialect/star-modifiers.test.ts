import { describe, expect, it } from 'vitest';
import { refuseUnsupportedStarModifiers } from './star-modifiers';

describe('refuseUnsupportedStarModifiers', () => {
  it('lets the combinations DuckDB runs through', () => {
    for (const sql of [
      "SELECT * ILIKE '%ID%' FROM T",
      'SELECT * EXCLUDE (A, B) RENAME (C AS D) FROM T',
      "SELECT T.* EXCLUDE A REPLACE ('X' || B AS B) RENAME C AS D FROM T",
    ]) {
      expect(() => refuseUnsupportedStarModifiers(sql)).not.toThrow();
    }
  });

  it('refuses ILIKE with REPLACE or RENAME, and a column both replaced and renamed', () => {
    expect(() => refuseUnsupportedStarModifiers("SELECT * ILIKE '%ID%' RENAME (ID AS I) FROM T")).toThrow(/ILIKE … RENAME/);
    expect(() => refuseUnsupportedStarModifiers("SELECT * ILIKE '%ID%' REPLACE (1 AS ID) FROM T")).toThrow(/ILIKE … REPLACE/);
    expect(() => refuseUnsupportedStarModifiers("SELECT * REPLACE ('D-' || D AS D) RENAME D AS DEPT FROM T")).toThrow(/same column/);
  });
});
