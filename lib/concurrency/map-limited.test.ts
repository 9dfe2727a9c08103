import { describe, expect, it } from 'vitest';
import { mapLimited } from './map-limited';

describe('mapLimited', () => {
  it('keeps the order of the input and never exceeds the limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapLimited([30, 5, 20, 1, 10, 2], 2, async (ms) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight--;
      return ms * 2;
    });
    expect(results).toEqual([60, 10, 40, 2, 20, 4]);
    expect(peak).toBe(2);
  });

  it('returns nothing for nothing', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });
});
