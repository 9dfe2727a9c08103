import { describe, expect, it } from 'vitest';
import { threadPoolSizeFor } from './thread-pool';

describe('threadPoolSizeFor', () => {
  it('leaves threads beyond the query slots, within libuv’s cap', () => {
    expect(threadPoolSizeFor(8)).toBe(12);
    expect(threadPoolSizeFor(1)).toBeGreaterThan(1);
    expect(threadPoolSizeFor(5000)).toBe(1024);
  });
});
