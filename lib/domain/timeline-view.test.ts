import { describe, expect, it } from 'vitest';
import {
  MAX_SPAN_MS,
  MIN_SPAN_MS,
  fitRange,
  formatClockTick,
  formatElapsedTick,
  panRange,
  rangeBetween,
  timeTicks,
  timeToX,
  xToTime,
  zoomRange,
} from './timeline-view';

describe('zoom and pan', () => {
  it('zooms about the time under the pointer, keeping it where it was on screen', () => {
    const range = { start: 0, end: 10_000 };
    const zoomed = zoomRange(range, 2_500, 0.5);
    expect(zoomed).toEqual({ start: 1_250, end: 6_250 });
    const scale = { range, widthPx: 1_000 };
    const after = { range: zoomed, widthPx: 1_000 };
    expect(timeToX(after, 2_500)).toBeCloseTo(timeToX(scale, 2_500));
  });

  it('stops zooming in at the smallest span and out at the largest, still about the pointer', () => {
    const tiny = zoomRange({ start: 0, end: 100 }, 50, 0.001);
    expect(tiny.end - tiny.start).toBe(MIN_SPAN_MS);
    expect((tiny.start + tiny.end) / 2).toBe(50);
    const huge = zoomRange({ start: 0, end: MAX_SPAN_MS }, 0, 4);
    expect(huge).toEqual({ start: 0, end: MAX_SPAN_MS });
  });

  it('pans by a time and picks a range dragged either way', () => {
    expect(panRange({ start: 100, end: 200 }, -50)).toEqual({ start: 50, end: 150 });
    expect(rangeBetween(900, 300)).toEqual({ start: 300, end: 900 });
  });

  it('fits an extent with a margin, and gives a moment a span of its own', () => {
    expect(fitRange({ start: 0, end: 10_000 }, 0.1)).toEqual({ start: -1_000, end: 11_000 });
    const moment = fitRange({ start: 5_000, end: 5_000 }, 0);
    expect(moment).toEqual({ start: 4_500, end: 5_500 });
  });

  it('maps times to pixels and back', () => {
    const scale = { range: { start: 1_000, end: 3_000 }, widthPx: 400 };
    expect(timeToX(scale, 2_000)).toBe(200);
    expect(xToTime(scale, 100)).toBe(1_500);
  });
});

describe('ticks', () => {
  it('chooses a round step that keeps ticks apart, on multiples of it', () => {
    const ticks = timeTicks({ range: { start: 0, end: 9_000 }, widthPx: 900 }, 90);
    expect(ticks.step).toBe(1_000);
    expect(ticks.times).toEqual([0, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000]);
    const fine = timeTicks({ range: { start: 1_003, end: 1_050 }, widthPx: 1_000 }, 90);
    expect(fine.step).toBe(5);
    expect(fine.times[0]).toBe(1_005);
  });

  it('puts hour ticks on the hour of the viewer’s zone', () => {
    const hour = 3_600_000;
    // A zone at +05:30: its hours fall at :30 of UTC hours.
    const offset = 5.5 * hour;
    const ticks = timeTicks({ range: { start: 0, end: 10 * hour }, widthPx: 500 }, 90, offset);
    expect(ticks.step).toBe(2 * hour);
    expect(ticks.times.every((time) => (time + offset) % ticks.step === 0)).toBe(true);
  });

  it('reads clock ticks with only the precision their step needs', () => {
    const at = Date.UTC(2026, 10, 21, 14, 3, 22, 250);
    expect(formatClockTick(at, 250, 'UTC')).toBe('14:03:22.250');
    expect(formatClockTick(at, 5_000, 'UTC')).toBe('14:03:22');
    expect(formatClockTick(at, 300_000, 'UTC')).toBe('14:03');
    expect(formatClockTick(at, 86_400_000, 'UTC')).toBe('21 Nov');
    // A time between milliseconds (a zoomed view's edge) reads to the nearest one.
    expect(formatClockTick(at + 0.330078125, 1, 'UTC')).toBe('14:03:22.250');
  });

  it('reads elapsed ticks relative to the start', () => {
    expect(formatElapsedTick(0)).toBe('0');
    expect(formatElapsedTick(500)).toBe('+500 ms');
    expect(formatElapsedTick(2_000)).toBe('+2.0 s');
    expect(formatElapsedTick(-1_000)).toBe('−1.0 s');
  });
});
