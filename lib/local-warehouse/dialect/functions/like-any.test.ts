import { describe, expect, it } from 'vitest';
import { likeAnyAll, subjectStart } from './like-any';
import { significantTokens } from '../tokens';

describe('likeAnyAll', () => {
  it('spells ANY out as ORs and ALL as ANDs, with the escape on each comparison', () => {
    expect(likeAnyAll("SELECT * FROM T WHERE NAME LIKE ANY ('%a%', 'b%') ORDER BY NAME")).toBe(
      "SELECT * FROM T WHERE ((NAME) LIKE ('%a%') OR (NAME) LIKE ('b%')) ORDER BY NAME",
    );
    expect(likeAnyAll("SELECT X ILIKE ALL ('a%', '%^_%') ESCAPE '^'")).toBe("SELECT ((X) ILIKE ('a%') ESCAPE '^' AND (X) ILIKE ('%^_%') ESCAPE '^')");
  });

  it('takes an escape string as the escape character', () => {
    expect(likeAnyAll("WHERE N LIKE ANY ('%\\\\_%', 'x') ESCAPE E'\\\\' AND 1 = 1")).toBe(
      "WHERE ((N) LIKE ('%\\\\_%') ESCAPE E'\\\\' OR (N) LIKE ('x') ESCAPE E'\\\\') AND 1 = 1",
    );
  });

  it('negates the whole comparison for NOT, before the subject or before LIKE', () => {
    expect(likeAnyAll("WHERE NOT NAME LIKE ANY ('a')")).toBe("WHERE NOT ((NAME) LIKE ('a'))");
    expect(likeAnyAll("WHERE NAME NOT LIKE ANY ('a')")).toBe("WHERE NOT ((NAME) LIKE ('a'))");
  });

  it('takes the whole subject: qualified names, casts, calls, concatenations and CASE', () => {
    expect(likeAnyAll("WHERE A = 1 AND T.NAME || 'x' LIKE ANY ('a')")).toBe("WHERE A = 1 AND ((T.NAME || 'x') LIKE ('a'))");
    expect(likeAnyAll("WHERE UPPER(N)::VARCHAR(10) LIKE ALL ('A%')")).toBe("WHERE ((UPPER(N)::VARCHAR(10)) LIKE ('A%'))");
    expect(likeAnyAll("WHERE CASE WHEN A THEN 'x' END LIKE ANY ('x')")).toBe("WHERE ((CASE WHEN A THEN 'x' END) LIKE ('x'))");
  });

  it('rewrites the function forms LIKE(s, p [, e]) and ILIKE(…), not the operators', () => {
    expect(likeAnyAll("SELECT LIKE(A, 'x%'), ILIKE(A, 'x', '^')")).toBe("SELECT ((A) LIKE ('x%')), ((A) ILIKE ('x') ESCAPE ('^'))");
    expect(likeAnyAll("SELECT A LIKE ('x%'), A NOT LIKE ('y')")).toBe("SELECT A LIKE ('x%'), A NOT LIKE ('y')");
  });

  it('leaves plain LIKE and strings alone', () => {
    for (const sql of ["SELECT A LIKE 'x%' ESCAPE '^'", "SELECT 'A LIKE ANY (1)'"]) expect(likeAnyAll(sql), sql).toBe(sql);
  });
});

describe('subjectStart', () => {
  it('stops at the words and operators that bind looser than LIKE', () => {
    const tokens = significantTokens('SELECT A, B + C LIKE');
    expect(tokens[subjectStart(tokens, tokens.length - 2)].text).toBe('B');
  });
});
