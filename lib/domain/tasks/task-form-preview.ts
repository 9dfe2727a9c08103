/**
 * The task form's live schedule preview: the schedule in words, its next ten runs, and the
 * days in the coming year when daylight saving makes it skip a run or run twice, each as a
 * sentence for the warning box. Snowflake documents both behaviours: daylight saving in
 * https://docs.snowflake.com/en/developer-guide/snowflake-python-api/reference/latest/_autosummary/snowflake.core.task.Cron,
 * interval runs counting from RESUME in https://docs.snowflake.com/en/sql-reference/sql/alter-task.
 */
import { describeSchedule } from './describe-schedule';
import { describeDstWarning, dstWarnings, type DstWarning } from './dst-warnings';
import { nextRuns } from './next-runs';
import { parseSchedule } from './schedule';
import { parseScheduleInput, scheduleText, type ScheduleInput } from './task-form';
import { formatWallDate, formatWallTime, wallClockAt } from './zone-time';

export const PREVIEW_RUNS = 10;
/** A year ahead, whatever day it starts on, leap years included. */
export const DST_HORIZON_DAYS = 366;

export type SchedulePreview =
  | { kind: 'none' }
  | { kind: 'invalid'; error: string }
  | {
      kind: 'runs';
      /** Interval runs count from RESUME; cron runs follow the zone's clock. */
      schedule: 'interval' | 'cron';
      /** "daily at 01:00, America/Los_Angeles". */
      description: string;
      /** The zone the runs are shown in: the cron's own, or UTC for an interval. */
      timeZone: string;
      /** Epoch ms, earliest first. */
      runs: number[];
      dst: DstWarning[];
      /** "on 2027-03-14 this does not run at 02:00", one per entry of `dst`. */
      warnings: string[];
    };

/**
 * `resumedAt` is when the task was (or will be) resumed: interval runs count from it;
 * a new task's form passes `now`.
 */
export function schedulePreview(input: ScheduleInput, now: number, resumedAt: number): SchedulePreview {
  const checked = parseScheduleInput(input);
  if (!checked.ok) return { kind: 'invalid', error: checked.error };
  const text = scheduleText(checked.schedule);
  if (text === null) return { kind: 'none' };
  const schedule = parseSchedule(text);
  const dst = schedule.kind === 'cron' ? dstWarnings(schedule, now, DST_HORIZON_DAYS) : [];
  return {
    kind: 'runs',
    schedule: schedule.kind,
    description: describeSchedule(schedule),
    timeZone: schedule.kind === 'cron' ? schedule.timeZone : 'UTC',
    runs: nextRuns(schedule, now, PREVIEW_RUNS, { resumedAt }),
    dst,
    warnings: dst.map(describeDstWarning),
  };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const zoneNames = new Map<string, Intl.DateTimeFormat>();

/** The zone's short name at `at` ("PDT", "PST", "GMT+2"), which tells an overlap's two runs apart. */
function zoneName(timeZone: string, at: number): string {
  let format = zoneNames.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    zoneNames.set(timeZone, format);
  }
  return format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** "Sun 2026-11-01 01:00 PDT": a run on the schedule's own clock. */
export function formatRunTime(at: number, timeZone: string): string {
  const wall = wallClockAt(timeZone, at);
  return `${WEEKDAYS[new Date(wall).getUTCDay()]} ${formatWallDate(wall)} ${formatWallTime(wall)} ${zoneName(timeZone, at)}`;
}
