import { describe, expect, it } from 'vitest';
import { describeDstWarning, dstWarnings } from './dst-warnings';
import { parseSchedule } from './schedule';
import type { CronSchedule } from './schedule-types';

const cron = (text: string) => parseSchedule(text) as CronSchedule;
const from = Date.parse('2026-06-01T00:00:00Z');

describe('dstWarnings', () => {
  it('finds the autumn double run and the spring gap of a 1–2 AM schedule in America/Los_Angeles', () => {
    expect(dstWarnings(cron('USING CRON 0 1 * * * America/Los_Angeles'), from, 400)).toEqual([
      { date: '2026-11-01', effect: 'twice', localTimes: ['01:00'] },
    ]);
    expect(dstWarnings(cron('USING CRON 0 2 * * * America/Los_Angeles'), from, 400)).toEqual([
      { date: '2027-03-14', effect: 'skipped', localTimes: ['02:00'] },
    ]);
    expect(dstWarnings(cron('USING CRON 30 1,2 * * * America/Los_Angeles'), from, 400)).toEqual([
      { date: '2026-11-01', effect: 'twice', localTimes: ['01:30'] },
      { date: '2027-03-14', effect: 'skipped', localTimes: ['02:30'] },
    ]);
  });

  it('finds the Southern-hemisphere changes in Australia/Sydney', () => {
    expect(dstWarnings(cron('USING CRON 0 2 * * * Australia/Sydney'), Date.parse('2026-01-01T00:00:00Z'), 365)).toEqual([
      { date: '2026-04-05', effect: 'twice', localTimes: ['02:00'] },
      { date: '2026-10-04', effect: 'skipped', localTimes: ['02:00'] },
    ]);
  });

  it('says nothing for times clear of the change, for UTC, or when the change day is not a run day', () => {
    expect(dstWarnings(cron('USING CRON 0 9 * * * America/Los_Angeles'), from, 400)).toEqual([]);
    expect(dstWarnings(cron('USING CRON 0 1,2 * * * UTC'), from, 400)).toEqual([]);
    // 2026-11-01 and 2027-03-14 are Sundays.
    expect(dstWarnings(cron('USING CRON 0 1,2 * * MON-FRI America/Los_Angeles'), from, 400)).toEqual([]);
  });

  it('stays within the horizon', () => {
    expect(dstWarnings(cron('USING CRON 0 1 * * * America/Los_Angeles'), from, 30)).toEqual([]);
  });

  it('lists every affected time of a sub-hourly schedule', () => {
    const [spring] = dstWarnings(cron('USING CRON */15 * * * * America/Los_Angeles'), Date.parse('2027-03-01T00:00:00Z'), 30);
    expect(spring).toEqual({ date: '2027-03-14', effect: 'skipped', localTimes: ['02:00', '02:15', '02:30', '02:45'] });
  });
});

describe('describeDstWarning', () => {
  it('reads as a sentence for the form', () => {
    expect(describeDstWarning({ date: '2027-03-14', effect: 'skipped', localTimes: ['02:00'] })).toBe(
      'on 2027-03-14 this does not run at 02:00',
    );
    expect(describeDstWarning({ date: '2026-11-01', effect: 'twice', localTimes: ['01:00', '01:30'] })).toBe(
      'on 2026-11-01 it runs twice at 01:00, 01:30',
    );
    expect(
      describeDstWarning({ date: '2026-11-01', effect: 'twice', localTimes: ['01:00', '01:15', '01:30', '01:45'] }),
    ).toBe('on 2026-11-01 it runs twice at the 4 times from 01:00 to 01:45');
  });
});
