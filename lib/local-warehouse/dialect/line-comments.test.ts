import { describe, expect, it } from 'vitest';
import { slashCommentsToDashes } from './line-comments';

describe('slashCommentsToDashes', () => {
  it('turns // comments into -- comments of the same length', () => {
    const sql = "SELECT 1 // note\n, '//kept' // more";
    const out = slashCommentsToDashes(sql);
    expect(out).toBe("SELECT 1 -- note\n, '//kept' -- more");
    expect(out).toHaveLength(sql.length);
  });
});
