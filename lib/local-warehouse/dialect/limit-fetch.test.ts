import { describe, expect, it } from 'vitest';
import { limitFetch } from './limit-fetch';

describe('limitFetch', () => {
  it('writes each form of FETCH as LIMIT', () => {
    expect(limitFetch('SELECT A FROM T ORDER BY A FETCH 2')).toBe('SELECT A FROM T ORDER BY A LIMIT 2');
    expect(limitFetch('SELECT A FROM T FETCH FIRST 2 ROWS ONLY')).toBe('SELECT A FROM T LIMIT 2');
    expect(limitFetch('SELECT A FROM T OFFSET 3 ROWS FETCH NEXT 1 ROW ONLY')).toBe('SELECT A FROM T OFFSET 3 ROWS LIMIT 1');
    expect(limitFetch('SELECT A FROM T FETCH FIRST 2 ROWS')).toBe('SELECT A FROM T LIMIT 2');
  });

  it('reads an empty count or start as no limit and no offset', () => {
    expect(limitFetch("SELECT A FROM T LIMIT '' OFFSET ''")).toBe('SELECT A FROM T LIMIT NULL OFFSET NULL');
    expect(limitFetch('SELECT A FROM T LIMIT $$$$ OFFSET $$$$')).toBe('SELECT A FROM T LIMIT NULL OFFSET NULL');
    expect(limitFetch("SELECT A FROM T FETCH ''")).toBe('SELECT A FROM T LIMIT NULL');
  });

  it('leaves LIMIT with a number and FETCH without a count alone', () => {
    for (const sql of ['SELECT A FROM T LIMIT 3 OFFSET 1', "SELECT A FROM T LIMIT 'x'", 'FETCH C INTO X']) {
      expect(limitFetch(sql)).toBe(sql);
    }
  });
});
