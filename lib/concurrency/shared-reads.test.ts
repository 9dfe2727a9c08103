import { describe, expect, it } from 'vitest';
import { sharedReads } from './shared-reads';

describe('sharedReads', () => {
  it('answers everyone asking within the interval with one read, then reads again', async () => {
    let now = 1_000;
    let loads = 0;
    const read = sharedReads<number>(1_000, () => now);
    const load = async () => ++loads;
    expect(await Promise.all([read('a', load), read('a', load), read('a', load)])).toEqual([1, 1, 1]);
    expect(await read('b', load)).toBe(2);
    now += 999;
    expect(await read('a', load)).toBe(1);
    now += 1;
    expect(await read('a', load)).toBe(3);
  });

  it('forgets a failed read so the next ask tries again', async () => {
    const read = sharedReads<string>(60_000, () => 0);
    await expect(read('a', () => Promise.reject(new Error('warehouse down')))).rejects.toThrow('warehouse down');
    expect(await read('a', async () => 'back')).toBe('back');
  });
});
