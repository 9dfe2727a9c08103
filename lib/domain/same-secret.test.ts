import { describe, expect, it } from 'vitest';
import { sameSecret } from './same-secret';

describe('sameSecret', () => {
  it('is true only for the very same text', () => {
    expect(sameSecret('s3cret-token', 's3cret-token')).toBe(true);
    expect(sameSecret('s3cret-token', 's3cret-tokeN')).toBe(false);
    expect(sameSecret('s3cret-token', 's3cret-token ')).toBe(false);
    expect(sameSecret('', 's3cret-token')).toBe(false);
    expect(sameSecret('é', 'e\u0301')).toBe(false);
  });

  it('compares texts of any length without throwing, including empty ones', () => {
    expect(sameSecret('x'.repeat(10_000), 'short')).toBe(false);
    expect(sameSecret('short', 'x'.repeat(10_000))).toBe(false);
    expect(sameSecret('', '')).toBe(true);
    expect(sameSecret('a', '')).toBe(false);
    // A prefix repeated to the full length is not the secret.
    expect(sameSecret('abab', 'ab')).toBe(false);
    expect(sameSecret('ab', 'abab')).toBe(false);
  });
});
