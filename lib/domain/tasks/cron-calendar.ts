/** Which local days and times a cron schedule names; calendar arithmetic only, no time zones. */
import type { CronSchedule } from './schedule-types';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './zone-time';

/** Whether the local day starting at wall time `dayStart` is one the schedule runs on. */
export function runsOnDay(s: CronSchedule, dayStart: number): boolean {
  const date = new Date(dayStart);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  if (!s.months.includes(month)) return false;
  const day = date.getUTCDate();
  const weekday = date.getUTCDay();
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const domMatch = s.daysOfMonth.includes(day) || (s.lastDayOfMonth && day === daysInMonth);
  const dowMatch =
    s.daysOfWeek.includes(weekday) || (s.lastWeekdaysOfMonth.includes(weekday) && day + 7 > daysInMonth);
  return s.dayOfMonthStar || s.dayOfWeekStar ? domMatch && dowMatch : domMatch || dowMatch;
}

/** The wall times the schedule names on the day starting at `dayStart`, in order. */
export function wallTimesOnDay(s: CronSchedule, dayStart: number): number[] {
  const times: number[] = [];
  for (const hour of s.hours) {
    for (const minute of s.minutes) times.push(dayStart + hour * HOUR_MS + minute * MINUTE_MS);
  }
  return times;
}

/** Start (wall time) of the local day containing wall time `wall`. */
export function dayStartOf(wall: number): number {
  return Math.floor(wall / DAY_MS) * DAY_MS;
}
