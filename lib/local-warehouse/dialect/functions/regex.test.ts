import { describe, expect, it } from 'vitest';
import { regexRewrites } from './regex';

describe('regexRewrites', () => {
  it('turns the infix RLIKE and REGEXP into SIMILAR TO, and leaves the function form', () => {
    expect(regexRewrites("SELECT * FROM T WHERE CITY RLIKE 'San.*' AND C NOT REGEXP 'x'")).toBe(
      "SELECT * FROM T WHERE CITY SIMILAR TO 'San.*' AND C NOT SIMILAR TO 'x'",
    );
    expect(regexRewrites("SELECT RLIKE(A, 'x'), 1 FROM T WHERE RLIKE(A, 'y')")).toBe("SELECT RLIKE(A, 'x'), 1 FROM T WHERE RLIKE(A, 'y')");
  });

  it('renames REGEXP_REPLACE and REGEXP_EXTRACT_ALL to the macros that implement them', () => {
    expect(regexRewrites("SELECT REGEXP_REPLACE(A, 'x'), REGEXP_EXTRACT_ALL(A, 'y')")).toBe("SELECT SF_RE_REPLACE(A, 'x'), REGEXP_SUBSTR_ALL(A, 'y')");
  });

  it('spells out REGEXP_INSTR of a group over the pattern that captures what precedes it', () => {
    const sql = regexRewrites("SELECT REGEXP_INSTR(S, 'a(b)', 1, 2, 0, 'e')");
    expect(sql).toContain("SF_RE_PATTERN('(a)(b)', 'e')");
    expect(sql).toContain(', 4)');
    expect(sql).toMatch(/^SELECT SF_RE_INSTR_CHECKED\(S, 'a\(b\)', 1, 2, 0, 'e', SF_RE_INSTR_GROUP\(/);
    // Without a group the macro answers.
    expect(regexRewrites("SELECT REGEXP_INSTR(S, 'a(b)', 1, 2, 0, 'c')")).toBe("SELECT REGEXP_INSTR(S, 'a(b)', 1, 2, 0, 'c')");
  });

  it('refuses a group it cannot place and one the pattern lacks', () => {
    expect(() => regexRewrites("SELECT REGEXP_INSTR(S, '(a)+', 1, 1, 0, 'e', 1)")).toThrow('REGEXP_INSTR of a capture group that repeats');
    expect(() => regexRewrites("SELECT REGEXP_INSTR(S, 'a(b)', 1, 1, 0, 'e', 2)")).toThrow("Invalid value [2] for function 'REGEXP_INSTR'");
    expect(() => regexRewrites("SELECT REGEXP_INSTR(S, P, 1, 1, 0, 'e', 1)")).toThrow('pattern that is not a constant');
  });
});
