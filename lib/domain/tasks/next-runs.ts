/**
 * The next run times of a task schedule. Time is always passed in, so the scheduler's clock can
 * be replaced in tests.
 */
import { dayStartOf, runsOnDay, wallTimesOnDay } from './cron-calendar';
import type { CronSchedule, Schedule } from './schedule-types';
import { DAY_MS, instantsAtWallClock, offsetsOnDay, wallClockAt } from './zone-time';

export interface ScheduleContext {
  /**
   * When the task was last resumed: interval runs count from it (resumed at 9:03 with
   * 10 MINUTES → 9:13, 9:23, …; https://docs.snowflake.com/en/sql-reference/sql/alter-task).
   * Cron schedules run on the wall clock and ignore it.
   */
  resumedAt: number;
}

/**
 * A schedule matching no day this long after its last run (e.g. `0 0 30 2 *`) has no next run;
 * 28 years covers every weekday/date combination, leap days included.
 */
const MAX_SCAN_DAYS = 28 * 366;

/** Epoch ms of the next `count` runs strictly after `after`, earliest first. */
export function nextRuns(schedule: Schedule, after: number, count: number, context: ScheduleContext): number[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (schedule.kind === 'interval') {
    const first = Math.max(1, Math.floor((after - context.resumedAt) / schedule.ms) + 1);
    return Array.from({ length: count }, (_, i) => context.resumedAt + (first + i) * schedule.ms);
  }
  return nextCronRuns(schedule, after, count);
}

/**
 * Walks local days in the schedule's zone, turning each named wall time into the instants it
 * occurs at: none in a spring-forward gap (a 2 AM run does not happen), two in an autumn overlap
 * (a 1 AM run happens twice), as documented in
 * https://docs.snowflake.com/en/developer-guide/snowflake-python-api/reference/latest/_autosummary/snowflake.core.task.Cron.
 */
function nextCronRuns(s: CronSchedule, after: number, count: number): number[] {
  const runs: number[] = [];
  let dayStart = dayStartOf(wallClockAt(s.timeZone, after));
  // Days scanned since the last run: a schedule may run once in years (the last Sunday of January
  // falling on a day of */7), so the bound is on the gap, not on the whole scan.
  for (let idle = 0; runs.length < count && idle < MAX_SCAN_DAYS; idle++, dayStart += DAY_MS) {
    if (!runsOnDay(s, dayStart)) continue;
    const offsets = offsetsOnDay(s.timeZone, dayStart);
    const walls = wallTimesOnDay(s, dayStart);
    const instants =
      offsets.length === 1
        ? walls.map((wall) => wall - offsets[0])
        : // In an overlap 01:30 PDT comes before 01:00 PST, so the day's runs are put in instant order.
          walls.flatMap((wall) => instantsAtWallClock(s.timeZone, wall, offsets)).sort((a, b) => a - b);
    for (const t of instants) {
      if (t > after) {
        runs.push(t);
        idle = 0;
      }
      if (runs.length === count) break;
    }
  }
  return runs;
}
