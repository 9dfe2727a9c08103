import { describe, expect, it } from 'vitest';
import { nextRuns } from './next-runs';
import { parseSchedule } from './schedule';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const runs = (schedule: string, after: string, count: number, resumedAt = after) =>
  nextRuns(parseSchedule(schedule), at(after), count, { resumedAt: at(resumedAt) }).map(iso);

describe('nextRuns: intervals', () => {
  it('counts from the resume time, not from the hour (resumed 9:03 with 10 MINUTES → 9:13, 9:23)', () => {
    expect(runs('10 MINUTES', '2026-05-01T09:03:00Z', 3)).toEqual([
      '2026-05-01T09:13:00Z',
      '2026-05-01T09:23:00Z',
      '2026-05-01T09:33:00Z',
    ]);
  });

  it('continues the same grid later on, strictly after the given time', () => {
    expect(runs('10 MINUTES', '2026-05-01T10:13:00Z', 2, '2026-05-01T09:03:00Z')).toEqual([
      '2026-05-01T10:23:00Z',
      '2026-05-01T10:33:00Z',
    ]);
    expect(runs('1 HOUR', '2026-05-01T09:00:00Z', 1, '2026-05-01T09:03:00Z')).toEqual(['2026-05-01T10:03:00Z']);
  });
});

describe('nextRuns: cron', () => {
  it('runs a 1 AM America/Los_Angeles schedule twice on the autumn change (2026-11-01)', () => {
    expect(runs('USING CRON 0 1 * * * America/Los_Angeles', '2026-10-31T00:00:00Z', 4)).toEqual([
      '2026-10-31T08:00:00Z', // 01:00 PDT
      '2026-11-01T08:00:00Z', // 01:00 PDT
      '2026-11-01T09:00:00Z', // 01:00 PST
      '2026-11-02T09:00:00Z', // 01:00 PST
    ]);
  });

  it('keeps sub-hourly runs in time order through the repeated hour', () => {
    expect(runs('USING CRON 0,30 1 * * * America/Los_Angeles', '2026-11-01T07:00:00Z', 4)).toEqual([
      '2026-11-01T08:00:00Z',
      '2026-11-01T08:30:00Z',
      '2026-11-01T09:00:00Z',
      '2026-11-01T09:30:00Z',
    ]);
  });

  it('does not run a 2 AM America/Los_Angeles schedule on the spring change (2027-03-14)', () => {
    expect(runs('USING CRON 0 2 * * * America/Los_Angeles', '2027-03-13T00:00:00Z', 2)).toEqual([
      '2027-03-13T10:00:00Z', // 02:00 PST
      '2027-03-15T09:00:00Z', // 02:00 PDT
    ]);
  });

  it('follows the Southern-hemisphere changes in Australia/Sydney', () => {
    // Autumn there: 03:00 AEDT → 02:00 AEST on 2026-04-05.
    expect(runs('USING CRON 0 2 * * * Australia/Sydney', '2026-04-04T00:00:00Z', 3)).toEqual([
      '2026-04-04T15:00:00Z', // 2026-04-05 02:00 AEDT
      '2026-04-04T16:00:00Z', // 2026-04-05 02:00 AEST
      '2026-04-05T16:00:00Z',
    ]);
    // Spring: 02:00 AEST → 03:00 AEDT on 2026-10-04.
    expect(runs('USING CRON 30 2 * * * Australia/Sydney', '2026-10-02T00:00:00Z', 2)).toEqual([
      '2026-10-02T16:30:00Z', // 2026-10-03 02:30 AEST
      '2026-10-04T15:30:00Z', // 2026-10-05 02:30 AEDT
    ]);
  });

  it('runs UTC schedules at the same instants all year', () => {
    expect(runs('USING CRON 0 2 * * * UTC', '2027-03-13T12:00:00Z', 3)).toEqual([
      '2027-03-14T02:00:00Z',
      '2027-03-15T02:00:00Z',
      '2027-03-16T02:00:00Z',
    ]);
  });

  it('combines minute steps, hour ranges and weekday ranges', () => {
    // 2026-05-01 is a Friday.
    expect(runs('USING CRON */20 16-17 * * MON-FRI UTC', '2026-05-01T17:10:00Z', 4)).toEqual([
      '2026-05-01T17:20:00Z',
      '2026-05-01T17:40:00Z',
      '2026-05-04T16:00:00Z',
      '2026-05-04T16:20:00Z',
    ]);
  });

  it('runs on the last day of each month with L', () => {
    expect(runs('USING CRON 0 0 L * * UTC', '2028-01-15T00:00:00Z', 3)).toEqual([
      '2028-01-31T00:00:00Z',
      '2028-02-29T00:00:00Z',
      '2028-03-31T00:00:00Z',
    ]);
  });

  it('runs on the last Friday of the month with 5L', () => {
    expect(runs('USING CRON 0 18 * * 5L UTC', '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-01-30T18:00:00Z',
      '2026-02-27T18:00:00Z',
      '2026-03-27T18:00:00Z',
    ]);
  });

  it('steps months from April by three without wrapping into the next year', () => {
    expect(runs('USING CRON 0 0 1 4/3 * UTC', '2026-01-01T00:00:00Z', 4)).toEqual([
      '2026-04-01T00:00:00Z',
      '2026-07-01T00:00:00Z',
      '2026-10-01T00:00:00Z',
      '2027-04-01T00:00:00Z',
    ]);
  });

  it('runs on a day matching either restricted day field, and on both when one starts with *', () => {
    // 13th of the month or any Friday; 2026-02-13 is a Friday, 2026-03-13 too.
    expect(runs('USING CRON 0 0 13 * FRI UTC', '2026-02-01T00:00:00Z', 4)).toEqual([
      '2026-02-06T00:00:00Z',
      '2026-02-13T00:00:00Z',
      '2026-02-20T00:00:00Z',
      '2026-02-27T00:00:00Z',
    ]);
    // Odd days (*/2 from 1) that are also Mondays: 2026-06-01, 06-15, 06-29.
    expect(runs('USING CRON 0 0 */2 6 MON UTC', '2026-05-31T00:00:00Z', 3)).toEqual([
      '2026-06-01T00:00:00Z',
      '2026-06-15T00:00:00Z',
      '2026-06-29T00:00:00Z',
    ]);
  });

  it('computes a year of minutely runs in a DST zone exactly and quickly', () => {
    const schedule = parseSchedule('USING CRON * * * * * America/Los_Angeles');
    const from = at('2026-06-01T00:00:00Z');
    const started = performance.now();
    const year = nextRuns(schedule, from, 525_600, { resumedAt: from });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(year).toHaveLength(525_600);
    expect(year[0]).toBe(from + 60_000);
    // A minutely schedule is every minute of real time through both changes.
    expect(year.every((t, i) => i === 0 || t - year[i - 1] === 60_000)).toBe(true);
  });

  // Found by schedule.property.test.ts: the 28-year bound was on the whole scan, so a schedule
  // running every few years returned fewer runs than asked for.
  it('finds every run asked for, however many years apart (the last Sunday of January on a day of */7)', () => {
    expect(runs('USING CRON 0 0 */7 1 0L UTC', '2024-01-01T00:00:00Z', 5)).toEqual([
      '2034-01-29T00:00:00Z',
      '2040-01-29T00:00:00Z',
      '2045-01-29T00:00:00Z',
      '2051-01-29T00:00:00Z',
      '2062-01-29T00:00:00Z',
    ]);
  });

  it('stops looking after 28 years for days that never come (parseSchedule refuses such schedules)', () => {
    const never = { ...parseSchedule('USING CRON 0 0 1 FEB * UTC'), daysOfMonth: [30] };
    expect(nextRuns(never, at('2026-01-01T00:00:00Z'), 1, { resumedAt: 0 })).toEqual([]);
  });
});
