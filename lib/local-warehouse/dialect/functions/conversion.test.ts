import { describe, expect, it } from 'vitest';
import { castSql, rewriteConversions } from './conversion';

describe('castSql', () => {
  it("gives each target Snowflake's conversion", () => {
    expect(castSql('x', 'VARCHAR', false)).toBe('SF_TO_VARCHAR(x)');
    expect(castSql('x', 'VARCHAR(3)', false)).toBe('SF_VARCHAR_LENGTH(SF_TO_VARCHAR(x), 3)');
    expect(castSql('x', 'VARCHAR(3)', true)).toBe('SF_TRY_VARCHAR_LENGTH(SF_TO_VARCHAR(x), 3)');
    expect(castSql('x', 'BOOLEAN', true)).toBe('TRY_TO_BOOLEAN(x)');
    expect(castSql('x', 'DATE', false)).toBe('TO_DATE(x)');
    expect(castSql('x', 'TIMESTAMPTZ', true)).toBe('TRY_TO_TIMESTAMP_LTZ(x)');
    expect(castSql('x', 'BIGINT', false)).toBe('CAST(CAST(x AS DECIMAL(38,0)) AS BIGINT)');
    expect(castSql('x', 'DECIMAL(5,2)', true)).toBe('TRY_CAST(x AS DECIMAL(5,2))');
    expect(castSql('x', 'JSON', false)).toBe('CAST(x AS JSON)');
  });

  it('keeps the spelling of a cast DuckDB already does as Snowflake does', () => {
    expect(castSql('0', 'DOUBLE', false, true)).toBe('0::DOUBLE');
    expect(castSql('-2.5', 'BIGINT', false, true)).toBe('-2.5::BIGINT');
    expect(castSql('t.x', 'DECIMAL(5,2)', false, true)).toBe('t.x::DECIMAL(5,2)');
  });
});

describe('rewriteConversions', () => {
  it('rewrites both cast spellings, inner conversions first', () => {
    expect(rewriteConversions("SELECT '1'::BOOLEAN, CAST(TO_DATE(d) AS VARCHAR) FROM t")).toBe('SELECT TO_BOOLEAN(\'1\'), SF_TO_VARCHAR(TO_DATE(d)) FROM t');
    expect(rewriteConversions('SELECT TO_DATE(x)::VARCHAR(10)')).toBe('SELECT SF_VARCHAR_LENGTH(SF_TO_VARCHAR(TO_DATE(x)), 10)');
    expect(rewriteConversions('SELECT DATE(x), TIME(y), f(z::DATE)')).toBe('SELECT TO_DATE(x), TO_TIME(y), f(TO_DATE(z))');
  });

  it('turns precision, scale and formats into the SQL that applies them', () => {
    expect(rewriteConversions("SELECT TO_NUMBER('1.5', 10, 1), TRY_TO_DECIMAL(s, 5, 2)")).toBe(
      "SELECT CAST('1.5' AS DECIMAL(10,1)), TRY_CAST(s AS DECIMAL(5,2))",
    );
    expect(rewriteConversions('SELECT TO_TIMESTAMP(n, 3), TO_TIMESTAMP(n, 0)')).toBe('SELECT TO_TIMESTAMP_NTZ((n) * 0.001), TO_TIMESTAMP_NTZ(n)');
    expect(rewriteConversions("SELECT TO_VARCHAR(d, 'YYYY')")).toContain("strftime(W, '%Y')");
    expect(rewriteConversions("SELECT TO_DATE(s, 'DD/MM/YYYY')")).toContain("try_strptime(V::VARCHAR, ['%d/%m/%Y'])");
  });

  it('refuses arguments it cannot read as Snowflake does', () => {
    expect(() => rewriteConversions('SELECT TO_NUMBER(x, 40, 2)')).toThrow('the precision must be 1 to 38');
    expect(() => rewriteConversions('SELECT TO_NUMBER(x, p, 2)')).toThrow('must be integer constants');
    expect(() => rewriteConversions('SELECT TO_DATE(x, f)')).toThrow("Unsupported feature 'TO_DATE with a format that is not a constant string'");
  });

  it('leaves names, strings and qualified functions alone', () => {
    const sql = "SELECT to_date, 'TO_DATE(x)', s.TO_DATE(x) FROM t";
    expect(rewriteConversions(sql)).toBe(sql);
  });
});
