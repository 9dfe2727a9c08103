import { describe, expect, it } from 'vitest';
import { uppercaseIdentifiers } from './uppercase-identifiers';

describe('uppercaseIdentifiers', () => {
  it('upper-cases unquoted identifiers only, keeping offsets', () => {
    const sql = `select a, "Quoted", 'text' from t -- comment\n/* block */`;
    const out = uppercaseIdentifiers(sql);
    expect(out).toBe(`SELECT A, "Quoted", 'text' FROM T -- comment\n/* block */`);
    expect(out).toHaveLength(sql.length);
  });
});
