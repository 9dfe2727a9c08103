import { describe, expect, it } from 'vitest';
import { listagg } from './listagg';

describe('listagg', () => {
  it("moves WITHIN GROUP's order inside, defaults the delimiter to '' and answers '' for no rows", () => {
    expect(listagg("SELECT LISTAGG(C, ', ') WITHIN GROUP (ORDER BY P DESC) FROM O")).toBe("SELECT COALESCE(LISTAGG(C, ', ' ORDER BY P DESC), '') FROM O");
    expect(listagg('SELECT LISTAGG(DISTINCT S) FROM O')).toBe("SELECT COALESCE(LISTAGG(DISTINCT S, ''), '') FROM O");
  });

  it('keeps the window clause inside the COALESCE', () => {
    expect(listagg("SELECT LISTAGG(C, ';') WITHIN GROUP (ORDER BY K) OVER (PARTITION BY S) FROM O")).toBe(
      "SELECT COALESCE(LISTAGG(C, ';' ORDER BY K) OVER (PARTITION BY S), '') FROM O",
    );
  });

  it('refuses DISTINCT ordered by anything but its own value, as Snowflake does', () => {
    expect(listagg("SELECT LISTAGG(DISTINCT K, ' ') WITHIN GROUP (ORDER BY K DESC) FROM O")).toBe("SELECT COALESCE(LISTAGG(DISTINCT K, ' ' ORDER BY K DESC), '') FROM O");
    expect(() => listagg('SELECT LISTAGG(DISTINCT K) WITHIN GROUP (ORDER BY S) FROM O')).toThrow('[S] is not a valid order by expression');
  });

  it('leaves qualified names and strings alone', () => {
    for (const sql of ["SELECT 'LISTAGG(a)'", 'SELECT S.LISTAGG(A)']) expect(listagg(sql), sql).toBe(sql);
  });
});
