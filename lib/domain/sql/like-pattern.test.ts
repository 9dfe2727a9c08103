import { describe, expect, it } from 'vitest';
import { likeMatcher } from './like-pattern';

describe('likeMatcher', () => {
  it('matches case-insensitively with % and _ as wildcards', () => {
    const like = likeMatcher('load_%');
    expect(like('LOAD_SALES')).toBe(true);
    expect(like('LOAD')).toBe(false);
    expect(likeMatcher('%sales%')('DAILY_SALES_AGG')).toBe(true);
    expect(likeMatcher('a_c')('ABC')).toBe(true);
    expect(likeMatcher('a_c')('ABBC')).toBe(false);
  });

  it('treats regular-expression characters literally and matches everything without a pattern', () => {
    expect(likeMatcher('a.c')('ABC')).toBe(false);
    expect(likeMatcher('a.c')('a.c')).toBe(true);
    expect(likeMatcher(null)('anything')).toBe(true);
  });
});
