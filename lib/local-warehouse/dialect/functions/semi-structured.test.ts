import { describe, expect, it } from 'vitest';
import { semiStructured } from './semi-structured';

const rewrite = (sql: string) => (semiStructured.rewrite as (sql: string) => string)(sql);

describe('semi-structured rewrites', () => {
  it('builds ARRAY_CONSTRUCT and OBJECT_CONSTRUCT from their arguments, nested calls too', () => {
    expect(rewrite("SELECT ARRAY_CONSTRUCT(1, ARRAY_CONSTRUCT('a'))")).toBe("SELECT [SF_JSON_OF(1), SF_JSON_OF([SF_JSON_OF('a')])]");
    expect(rewrite('SELECT ARRAY_CONSTRUCT()')).toBe('SELECT CAST([] AS JSON[])');
    expect(rewrite("SELECT OBJECT_CONSTRUCT('a', 1, 'b', NULL)")).toBe(
      "SELECT SF_JSON_OBJECT_OF_ENTRIES(list_filter([{'k': CAST('a' AS VARCHAR), 'v': SF_JSON_OF(1)}, " +
        "{'k': CAST('b' AS VARCHAR), 'v': SF_JSON_OF(NULL)}], lambda sf_e: sf_e.k IS NOT NULL AND sf_e.v IS NOT NULL))",
    );
    expect(rewrite("SELECT OBJECT_CONSTRUCT_KEEP_NULL('a', NULL)")).toBe(
      "SELECT SF_JSON_OBJECT_OF_ENTRIES(list_filter([{'k': CAST('a' AS VARCHAR), 'v': COALESCE(SF_JSON_OF(NULL), CAST('null' AS JSON))}], lambda sf_e: sf_e.k IS NOT NULL))",
    );
  });

  it('reads OBJECT_CONSTRUCT(*) and its filters as DuckDB COLUMNS', () => {
    expect(rewrite('SELECT OBJECT_CONSTRUCT(*) FROM T')).toBe('SELECT SF_JSON_OBJECT_OF_ROW(struct_pack(*COLUMNS(*)), false) FROM T');
    expect(rewrite("SELECT OBJECT_CONSTRUCT_KEEP_NULL(* ILIKE 'prov%') FROM T")).toBe(
      "SELECT SF_JSON_OBJECT_OF_ROW(struct_pack(*COLUMNS('(?i)^prov.*$')), true) FROM T",
    );
    expect(rewrite('SELECT OBJECT_CONSTRUCT(* EXCLUDE PROVINCE) FROM T')).toBe(
      'SELECT SF_JSON_OBJECT_OF_ROW(struct_pack(*COLUMNS(* EXCLUDE (PROVINCE))), false) FROM T',
    );
    expect(() => rewrite("SELECT OBJECT_CONSTRUCT('a')")).toThrow('OBJECT_CONSTRUCT takes key-value pairs');
  });

  it('writes ARRAY_AGG as list() without NULLs, keeping DISTINCT, WITHIN GROUP and OVER', () => {
    expect(rewrite('SELECT SF_ARRAY_AGG(DISTINCT X) WITHIN GROUP (ORDER BY X DESC) FROM T')).toBe(
      'SELECT SF_JSON_ARRAY_OF_LIST(list(DISTINCT X ORDER BY X DESC) FILTER (WHERE (X) IS NOT NULL)) FROM T',
    );
    expect(rewrite('SELECT SF_ARRAY_AGG(X) OVER (PARTITION BY G) FROM T')).toBe(
      'SELECT SF_JSON_ARRAY_OF_LIST(list(X) FILTER (WHERE (X) IS NOT NULL) OVER (PARTITION BY G)) FROM T',
    );
    expect(rewrite('SELECT OBJECT_AGG(K, V) FROM T')).toBe(
      "SELECT SF_JSON_OBJECT_OF_ENTRIES(COALESCE(list({'k': CAST(K AS VARCHAR), 'v': SF_JSON_OF(V)}) FILTER (WHERE (K) IS NOT NULL AND (V) IS NOT NULL), " +
        'CAST([] AS STRUCT(k VARCHAR, v JSON)[]))) FROM T',
    );
  });

  it('passes the keys of OBJECT_DELETE and OBJECT_PICK as a list', () => {
    expect(rewrite("SELECT OBJECT_DELETE(O, 'a', 'b'), OBJECT_PICK(O, KEYS)")).toBe(
      "SELECT SF_OBJECT_DELETE(O, [CAST('a' AS VARCHAR), CAST('b' AS VARCHAR)]), SF_OBJECT_PICK(O, SF_OBJECT_PICK_KEYS(KEYS))",
    );
  });
});
