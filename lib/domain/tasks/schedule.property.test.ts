/**
 * Properties of the cron parser and next-run calculation: for any valid expression and zone,
 * every next run is a minute the expression names on that zone's wall clock, runs strictly
 * increase, and no named minute before the first run is skipped; a field out of range is refused
 * naming the field and the value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cronExpression, scheduleOrNever, timeZone } from './cron.fixture';
import { nextRuns } from './next-runs';
import { parseSchedule, ScheduleParseError } from './schedule';
import type { CronSchedule } from './schedule-types';

const MINUTE = 60_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall clock at `t`, read with Intl (not with the module under test). */
function wallClock(zone: string, t: number) {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(t).map((part) => [part.type, part.value]));
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  return { year, month, day, hour: Number(parts.hour), minute: Number(parts.minute), weekday: WEEKDAYS.indexOf(parts.weekday), daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate() };
}

/** Whether the schedule names the wall-clock minute at `t`: the cron rules, Vixie's day rule included. */
function names(s: CronSchedule, t: number): boolean {
  const w = wallClock(s.timeZone, t);
  const dayOfMonth = s.daysOfMonth.includes(w.day) || (s.lastDayOfMonth && w.day === w.daysInMonth);
  const dayOfWeek = s.daysOfWeek.includes(w.weekday) || (s.lastWeekdaysOfMonth.includes(w.weekday) && w.day + 7 > w.daysInMonth);
  const day = s.dayOfMonthStar || s.dayOfWeekStar ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
  return day && s.months.includes(w.month) && s.hours.includes(w.hour) && s.minutes.includes(w.minute);
}

const instants = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => t - (t % 1000));

describe('cron schedules', () => {
  it('runs only on minutes the expression names in its zone, strictly later each time, missing none before the first', () => {
    fc.assert(
      fc.property(cronExpression, timeZone, instants, (expression, zone, after) => {
        const schedule = scheduleOrNever(`USING CRON ${expression} ${zone}`) as CronSchedule | null;
        fc.pre(schedule !== null);
        const runs = nextRuns(schedule as CronSchedule, after, 5, { resumedAt: after });
        expect(runs.length).toBe(5);
        runs.forEach((run, i) => {
          expect(run).toBeGreaterThan(i === 0 ? after : runs[i - 1]);
          expect(run % MINUTE).toBe(0);
          expect(names(schedule as CronSchedule, run)).toBe(true);
        });
        // Every whole minute between `after` and the first run (up to a day) is one the schedule does not name.
        const firstMinute = after - (after % MINUTE) + MINUTE;
        const skipped = [];
        for (let t = firstMinute; t < Math.min(runs[0], firstMinute + 1440 * MINUTE); t += MINUTE) {
          if (names(schedule as CronSchedule, t)) skipped.push(new Date(t).toISOString());
        }
        expect(skipped).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a field out of range, naming the field and the value', () => {
    const fields = [
      ['minute', 60],
      ['hour', 24],
      ['day-of-month', 32],
      ['month', 13],
      ['day-of-week', 7],
    ] as const;
    fc.assert(
      fc.property(cronExpression, timeZone, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 1000 }), (expression, zone, index, over) => {
        const [name, first] = fields[index];
        const value = String(first + over);
        const broken = expression.split(' ').map((part, i) => (i === index ? value : part)).join(' ');
        expect(() => parseSchedule(`USING CRON ${broken} ${zone}`)).toThrow(ScheduleParseError);
        expect(() => parseSchedule(`USING CRON ${broken} ${zone}`)).toThrow(`${name} field "${value}" is out of range`);
      }),
      { numRuns: 200 },
    );
  });
});
