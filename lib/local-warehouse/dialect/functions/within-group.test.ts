import { describe, expect, it } from 'vitest';
import { withinGroup } from './within-group';

describe('withinGroup', () => {
  it('writes the ordered value as the aggregate argument, keeping a window', () => {
    expect(withinGroup('SELECT PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY V) FROM T')).toBe('SELECT SF_PERCENTILE_CONT(V, 0.25) FROM T');
    expect(withinGroup('SELECT PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY A + B ASC NULLS LAST) OVER (PARTITION BY K)')).toBe(
      'SELECT SF_PERCENTILE_DISC(A + B, 0.5) OVER (PARTITION BY K)',
    );
  });

  it('takes a descending order from the other end', () => {
    expect(withinGroup('SELECT PERCENTILE_CONT(P) WITHIN GROUP (ORDER BY V DESC)')).toBe('SELECT SF_PERCENTILE_CONT(V, 1 - (P))');
    expect(withinGroup('SELECT PERCENTILE_DISC(0.25) WITHIN GROUP (ORDER BY V DESC NULLS FIRST)')).toBe('SELECT SF_PERCENTILE_DISC_DESC(V, 0.25)');
  });

  it('refuses several order keys, and leaves LISTAGG … WITHIN GROUP to its own rewrite', () => {
    expect(() => withinGroup('SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY A, B)')).toThrow('orders by one expression');
    const listagg = 'SELECT LISTAGG(S) WITHIN GROUP (ORDER BY S)';
    expect(withinGroup(listagg)).toBe(listagg);
  });
});
