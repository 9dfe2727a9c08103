import { describe, expect, it } from 'vitest';
import { countOf, formatAgo, formatDuration, formatIsoTimestamp, formatTimestamp, jobDurationMs, oneLine, shortId } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [849.6, '850 ms'],
    [999, '999 ms'],
    [1_000, '1.0 s'],
    [4_290, '4.2 s'],
    [9_999, '9.9 s'],
    [10_000, '10 s'],
    [59_999, '59 s'],
    [60_000, '1m 00s'],
    [125_000, '2m 05s'],
    [3_599_999, '59m 59s'],
    [3_600_000, '1h 00m'],
    [11_220_000, '3h 07m'],
  ])('%d ms reads as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('clamps a negative duration from clock skew to zero', () => {
    expect(formatDuration(-250)).toBe('0 ms');
  });
});

describe('jobDurationMs', () => {
  const now = 10_000;

  it('is null before the job starts', () => {
    expect(jobDurationMs({ phase: 'queued', startedAt: null, endedAt: null }, now)).toBeNull();
  });

  it('runs to now while the job runs', () => {
    expect(jobDurationMs({ phase: 'running', startedAt: 4_000, endedAt: null }, now)).toBe(6_000);
  });

  it('stops at the end time once the job ended', () => {
    expect(jobDurationMs({ phase: 'succeeded', startedAt: 4_000, endedAt: 7_500 }, now)).toBe(3_500);
  });

  it('is null for a finished job whose end time is unknown, rather than growing forever', () => {
    expect(jobDurationMs({ phase: 'cancelled', startedAt: 4_000, endedAt: null }, now)).toBeNull();
  });
});

describe('formatTimestamp', () => {
  const now = Date.UTC(2025, 10, 21, 15, 0, 0);

  it('shows only the time of day for today', () => {
    expect(formatTimestamp(Date.UTC(2025, 10, 21, 9, 3, 7), now, 'UTC')).toBe('09:03:07');
  });

  it('adds the date for another day', () => {
    expect(formatTimestamp(Date.UTC(2025, 10, 20, 23, 59, 59), now, 'UTC')).toBe('Nov 20, 23:59:59');
  });

  it('decides "today" in the given time zone', () => {
    // 23:30 UTC on the 20th is already the 21st in Tokyo, where "now" is noon on the 21st.
    const tokyoNoon = Date.UTC(2025, 10, 21, 3, 0, 0);
    expect(formatTimestamp(Date.UTC(2025, 10, 20, 23, 30, 0), tokyoNoon, 'Asia/Tokyo')).toBe('08:30:00');
    expect(formatTimestamp(Date.UTC(2025, 10, 20, 23, 30, 0), tokyoNoon, 'UTC')).toBe('Nov 20, 23:30:00');
  });
});

describe('formatAgo', () => {
  const now = Date.UTC(2025, 10, 20, 14, 0, 0);
  it.each([
    [now + 3_000, 'just now'],
    [now - 4_999, 'just now'],
    [now - 5_000, '5 s ago'],
    [now - 59_999, '59 s ago'],
    [now - 60_000, '1 min ago'],
    [now - 3_599_999, '59 min ago'],
    [now - 3_600_000, '1 h ago'],
    [now - 86_399_999, '23 h ago'],
    [now - 86_400_000, '1 d ago'],
    [now - 1_500 * 86_400_000, '1,500 d ago'],
  ])('%d reads as %s', (at, expected) => {
    expect(formatAgo(at, now)).toBe(expected);
  });
});

describe('small text helpers', () => {
  it('formats a full ISO timestamp for tooltips', () => {
    expect(formatIsoTimestamp(Date.UTC(2025, 0, 2, 3, 4, 5, 6))).toBe('2025-01-02T03:04:05.006Z');
  });

  it('shortens ids to eight characters', () => {
    expect(shortId('0199a3f2-7c1e-7d40-9b0a-2f1e3c4d5e6f')).toBe('0199a3f2');
  });

  it('puts SQL on one line', () => {
    expect(oneLine('  SELECT 1\n\tFROM  t\r\n;  ')).toBe('SELECT 1 FROM t ;');
  });

  it('counts with the right plural', () => {
    expect(countOf(1, 'job')).toBe('1 job');
    expect(countOf(0, 'job')).toBe('0 jobs');
    expect(countOf(1200, 'row')).toBe('1,200 rows');
    expect(countOf(2, 'query', 'queries')).toBe('2 queries');
    expect(countOf(1, 'query', 'queries')).toBe('1 query');
  });
});
