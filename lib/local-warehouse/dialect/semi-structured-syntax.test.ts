import { describe, expect, it } from 'vitest';
import { semiStructuredSyntax } from './semi-structured-syntax';

describe('semiStructuredSyntax', () => {
  it('turns paths into SF_GET_PATH with a JSON Pointer, keeping element names’ case', () => {
    expect(semiStructuredSyntax('SELECT src:salesperson.Name FROM t')).toBe("SELECT SF_GET_PATH(src, '/salesperson/Name') FROM t");
    expect(semiStructuredSyntax('SELECT v:array2[0].id3, v:"a b":c FROM t')).toBe(
      "SELECT SF_GET_PATH(v, '/array2/0/id3'), SF_GET_PATH(v, '/a b/c') FROM t",
    );
    expect(semiStructuredSyntax("SELECT src['salesperson']['name'], a[0] FROM t")).toBe(
      "SELECT SF_GET_PATH(src, '/salesperson/name'), SF_GET_PATH(a, '/0') FROM t",
    );
    expect(semiStructuredSyntax("SELECT f.value:x/y FROM t")).toBe("SELECT SF_GET_PATH(f.value, '/x')/y FROM t");
    expect(semiStructuredSyntax("SELECT v:a['k/~'] FROM t")).toBe("SELECT SF_GET_PATH(v, '/a/k~1~0') FROM t");
  });

  it('reads an index that is an expression with GET, and paths on calls and groups', () => {
    expect(semiStructuredSyntax('SELECT v[ARRAY_SIZE(v) - 1].x FROM t')).toBe("SELECT SF_GET_PATH(GET(v, ARRAY_SIZE(v) - 1), '/x') FROM t");
    expect(semiStructuredSyntax("SELECT PARSE_JSON('{}'):a, (v):b FROM t")).toBe("SELECT SF_GET_PATH(PARSE_JSON('{}'), '/a'), SF_GET_PATH((v), '/b') FROM t");
  });

  it('leaves casts after a path to the conversion family, and converts casts to semi-structured types', () => {
    expect(semiStructuredSyntax('SELECT v:a::string, v:n::NUMBER(10,2) FROM t')).toBe(
      "SELECT SF_GET_PATH(v, '/a')::string, SF_GET_PATH(v, '/n')::NUMBER(10,2) FROM t",
    );
    expect(semiStructuredSyntax("SELECT 'a'::VARIANT, x::object, CAST(y AS ARRAY), TRY_CAST(z AS VARIANT) FROM t")).toBe(
      'SELECT TO_VARIANT(\'a\'), SF_CAST_OBJECT(x), SF_CAST_ARRAY(y), TO_VARIANT(z) FROM t',
    );
    expect(() => semiStructuredSyntax('SELECT x::ARRAY(NUMBER) FROM t')).toThrow("Unsupported feature 'structured type ARRAY(…)'");
  });

  it('turns ARRAY and OBJECT constants into constructors, nested ones too', () => {
    expect(semiStructuredSyntax("SELECT [1, 'a', [2]], {'k': v:a, 'l': {}}")).toBe(
      "SELECT ARRAY_CONSTRUCT(1, 'a', ARRAY_CONSTRUCT(2)), OBJECT_CONSTRUCT('k', SF_GET_PATH(v, '/a'), 'l', OBJECT_CONSTRUCT())",
    );
    expect(semiStructuredSyntax('SELECT {* EXCLUDE province} FROM t')).toBe('SELECT OBJECT_CONSTRUCT(* EXCLUDE province) FROM t');
  });

  it('compares a path with a string as a VARIANT and matches its text with LIKE', () => {
    expect(semiStructuredSyntax("SELECT 1 FROM t WHERE v:type = 'phone' AND v:k NOT LIKE 'x%' AND v:c IN ('a', 'b')")).toBe(
      "SELECT 1 FROM t WHERE SF_GET_PATH(v, '/type') = TO_VARIANT('phone') AND SF_VARIANT_TEXT(SF_GET_PATH(v, '/k')) NOT LIKE 'x%' " +
        "AND SF_GET_PATH(v, '/c') IN (TO_VARIANT('a'), TO_VARIANT('b'))",
    );
    // Not a plain string on the other side: left as written.
    expect(semiStructuredSyntax("SELECT 1 FROM t WHERE v:a = 'x' || y")).toBe("SELECT 1 FROM t WHERE SF_GET_PATH(v, '/a') = 'x' || y");
  });

  it('renames calls of the functions DuckDB also has, and types SPLIT’s result as an ARRAY', () => {
    expect(semiStructuredSyntax("SELECT typeof(v), Array_Slice(a, 0, 1), SPLIT(s, ',')[0] FROM t, LATERAL FLATTEN(input => v)")).toBe(
      "SELECT SF_TYPEOF(v), SF_ARRAY_SLICE(a, 0, 1), SF_GET_PATH(SF_JSON_LIST(SPLIT(s, ',')), '/0') FROM t, LATERAL SF_FLATTEN(input => v)",
    );
    // A qualified name is someone else's function.
    expect(semiStructuredSyntax('SELECT s.typeof(v)')).toBe('SELECT s.typeof(v)');
  });

  it('leaves colons that are not paths, and statements without the syntax, as they are', () => {
    const untouched = [
      "SELECT '{\"a\": 1}' AS j, 'a:b' FROM t",
      'SELECT 1 -- v:a [0]\nFROM t',
      'INSERT INTO t VALUES (1, 2)',
      'SELECT CASE WHEN x THEN 1 END FROM t',
    ];
    for (const sql of untouched) expect(semiStructuredSyntax(sql)).toBe(sql);
  });
});
