import { describe, expect, it } from 'vitest';
import { countGroups, groupOffsetPattern } from './regex-groups';

describe('countGroups', () => {
  it('counts capturing groups, named ones included, and skips escapes, classes and (?:…)', () => {
    expect(countGroups('the\\W+(\\w+)')).toBe(1);
    expect(countGroups('(?:a)(?P<n>b)(?<m>c)(d)')).toBe(3);
    expect(countGroups('\\(x[(]y(?i)z')).toBe(0);
  });
});

describe('groupOffsetPattern', () => {
  it('captures what comes before the group at the top level', () => {
    expect(groupOffsetPattern('the\\W+(\\w+)', 1)).toEqual({ pattern: '(the\\W+)(\\w+)', group: 2, prefixes: [1] });
    expect(groupOffsetPattern('A\\W+(\\w)(\\w)(\\w)', 2)).toEqual({ pattern: '(A\\W+(\\w))(\\w)(\\w)', group: 3, prefixes: [1] });
  });

  it('needs no prefix for a group that starts the pattern', () => {
    expect(groupOffsetPattern('(\\w+)x', 1)).toEqual({ pattern: '(\\w+)x', group: 1, prefixes: [] });
  });

  it('captures the part in front at every level of nesting', () => {
    expect(groupOffsetPattern('(a)(b(c))', 3)).toEqual({ pattern: '((a))((b)(c))', group: 5, prefixes: [1, 4] });
  });

  it('starts from the alternative the group is in', () => {
    expect(groupOffsetPattern('x|y(z)', 1)).toEqual({ pattern: 'x|(y)(z)', group: 2, prefixes: [1] });
  });

  it('reads escapes, classes and named groups', () => {
    expect(groupOffsetPattern('\\(x(y)', 1)).toEqual({ pattern: '(\\(x)(y)', group: 2, prefixes: [1] });
    expect(groupOffsetPattern('[(]x(y)', 1)).toEqual({ pattern: '([(]x)(y)', group: 2, prefixes: [1] });
    expect(groupOffsetPattern('(?P<n>a)(b)', 2)).toEqual({ pattern: '((?P<n>a))(b)', group: 3, prefixes: [1] });
  });

  it('refuses repeated groups, wrapped inline flags and groups the pattern lacks', () => {
    expect(groupOffsetPattern('(\\w)+', 1)).toBeNull();
    expect(groupOffsetPattern('(?:a(b)){2}', 1)).toBeNull();
    expect(groupOffsetPattern('(?i)a(b)', 1)).toBeNull();
    expect(groupOffsetPattern('a(b)', 2)).toBeNull();
  });
});
