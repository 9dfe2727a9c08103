import { describe, expect, it } from 'vitest';
import {
  compactJson,
  displayJson,
  doubleText,
  jsonPointer,
  JsonSyntaxError,
  parseSnowflakeJson,
  parseSnowflakePath,
  type JsonNode,
} from './variant-json';

const compact = (text: string, duplicates = false) => {
  const node = parseSnowflakeJson(text, duplicates);
  return node && compactJson(node);
};

const errorOf = (text: string, duplicates = false) => {
  try {
    parseSnowflakeJson(text, duplicates);
  } catch (error) {
    return error instanceof JsonSyntaxError ? error.message : `not a syntax error: ${String(error)}`;
  }
  return 'parsed';
};

describe('parseSnowflakeJson', () => {
  it('sorts object keys at every depth', () => {
    expect(compact('{"b":1,"a":{"d":[{"z":1,"y":2}],"c":true}}')).toBe('{"a":{"c":true,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('reads Snowflake’s lenient forms: bare keys, any-case keywords, left-out elements', () => {
    expect(compact('{ name: {first: "John"}, ok: TRUE, no: Null }')).toBe('{"name":{"first":"John"},"no":null,"ok":true}');
    const items = (parseSnowflakeJson('[1, ,77]') as Extract<JsonNode, { kind: 'array' }>).items.map((item) => item.kind);
    expect(items).toEqual(['number', 'undefined', 'number']);
    expect(compact('[-1, 12, false,]')).toBe('[-1,12,false,null]');
    expect(compact('[]')).toBe('[]');
  });

  it('is NULL for empty or blank text and ignores whitespace around the document', () => {
    expect(parseSnowflakeJson('')).toBeNull();
    expect(parseSnowflakeJson('  \n ')).toBeNull();
    expect(compact('"Om ara pa ca na dhih"  ')).toBe('"Om ara pa ca na dhih"');
  });

  it('keeps NUMBER digits and writes a DOUBLE in Snowflake’s exponent form', () => {
    expect(compact('[-17, 123.12, 1.50, 1.912e2, 123456789012345678901234567890123456789]')).toBe(
      '[-17,123.12,1.50,1.912000000000000e+02,1.234567890123457e+38]',
    );
    expect(doubleText(3)).toBe('3.000000000000000e+00');
    expect(doubleText(-0.0012)).toBe('-1.200000000000000e-03');
  });

  it('reports errors as Snowflake does, with the position after the offending character', () => {
    expect(errorOf('{"Malformed -- Missing value": }')).toBe('misplaced }, pos 32');
    expect(errorOf('{ "a" : "123", "b" : "456", "a": "789"} ')).toBe('duplicate object attribute "a", pos 31');
    expect(errorOf('abc')).toBe('unknown keyword "abc", pos 3');
    expect(errorOf('{ "bad" : "json", "close_brace": 10 ')).toBe('incomplete object value, pos 36');
    expect(errorOf('[1, 2')).toBe('incomplete array value, pos 5');
    expect(errorOf('"abc')).toBe('unterminated string, pos 4');
    expect(errorOf('1 2')).toBe("unexpected character '2', pos 3");
  });

  it('keeps the last value of a duplicate key when asked to', () => {
    expect(compact('{ "a" : "123", "b" : "456", "a": "789"}', true)).toBe('{"a":"789","b":"456"}');
  });

  it('decodes escapes and writes strings back as JSON', () => {
    expect(compact('"a\\"b\\u00e9\\n"')).toBe('"a\\"bé\\n"');
  });
});

describe('displayJson', () => {
  it('prints with two-space indentation, one element per line', () => {
    const node = parseSnowflakeJson('{"b":[1,{"c":null}],"a":{},"d":[]}') as JsonNode;
    expect(displayJson(node)).toBe('{\n  "a": {},\n  "b": [\n    1,\n    {\n      "c": null\n    }\n  ],\n  "d": []\n}');
    expect(displayJson(parseSnowflakeJson('"x"') as JsonNode)).toBe('"x"');
  });
});

describe('parseSnowflakePath', () => {
  it('reads dots, colons, brackets and quoted names', () => {
    expect(parseSnowflakePath('array2[0].id3')).toEqual(['array2', 0, 'id3']);
    expect(parseSnowflakePath('object_outer_key1:object_inner_key1a')).toEqual(['object_outer_key1', 'object_inner_key1a']);
    expect(parseSnowflakePath('"array2"[0]."id3"')).toEqual(['array2', 0, 'id3']);
    expect(parseSnowflakePath(`a['b c']["d"]`)).toEqual(['a', 'b c', 'd']);
    expect(parseSnowflakePath('[1].x')).toEqual([1, 'x']);
    expect(parseSnowflakePath('')).toEqual([]);
  });

  it('refuses what is not a path', () => {
    expect(() => parseSnowflakePath('a[b]')).toThrow("Invalid path 'a[b]'");
    expect(() => parseSnowflakePath('a..b')).toThrow(JsonSyntaxError);
  });

  it('becomes a JSON Pointer with ~ and / escaped', () => {
    expect(jsonPointer(['a/b', 0, 'c~d'])).toBe('/a~1b/0/c~0d');
    expect(jsonPointer([])).toBe('');
  });
});
