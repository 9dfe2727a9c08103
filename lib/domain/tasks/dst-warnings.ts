/**
 * Concrete days on which daylight saving makes a cron schedule skip a run (its wall time falls in
 * the spring-forward gap) or run twice (its wall time falls in the autumn overlap), for the
 * create/edit form: "on 2027-03-14 this does not run; on 2026-11-01 it runs twice".
 */
import { dayStartOf, runsOnDay, wallTimesOnDay } from './cron-calendar';
import type { CronSchedule } from './schedule-types';
import { DAY_MS, formatWallDate, formatWallTime, instantsAtWallClock, offsetsOnDay, wallClockAt } from './zone-time';

export interface DstWarning {
  /** Local date in the schedule's time zone, YYYY-MM-DD. */
  date: string;
  effect: 'skipped' | 'twice';
  /** The affected local times (HH:MM), earliest first; more than one for sub-hourly schedules. */
  localTimes: string[];
}

/** Warnings for the `days` local days starting with the one containing `from`, by date. */
export function dstWarnings(s: CronSchedule, from: number, days: number): DstWarning[] {
  const warnings: DstWarning[] = [];
  const first = dayStartOf(wallClockAt(s.timeZone, from));
  for (let dayStart = first; dayStart < first + days * DAY_MS; dayStart += DAY_MS) {
    const offsets = offsetsOnDay(s.timeZone, dayStart);
    if (offsets.length === 1 || !runsOnDay(s, dayStart)) continue;
    const byEffect: Record<DstWarning['effect'], string[]> = { skipped: [], twice: [] };
    for (const wall of wallTimesOnDay(s, dayStart)) {
      const occurrences = instantsAtWallClock(s.timeZone, wall, offsets).length;
      if (occurrences === 0) byEffect.skipped.push(formatWallTime(wall));
      if (occurrences > 1) byEffect.twice.push(formatWallTime(wall));
    }
    for (const effect of ['skipped', 'twice'] as const) {
      if (byEffect[effect].length > 0) {
        warnings.push({ date: formatWallDate(dayStart), effect, localTimes: byEffect[effect] });
      }
    }
  }
  return warnings;
}

/** "on 2027-03-14 this does not run at 02:00", "on 2026-11-01 it runs twice at 01:00". */
export function describeDstWarning(w: DstWarning): string {
  const times = w.localTimes;
  const at =
    times.length <= 3
      ? `at ${times.join(', ')}`
      : `at the ${times.length} times from ${times[0]} to ${times[times.length - 1]}`;
  return w.effect === 'skipped' ? `on ${w.date} this does not run ${at}` : `on ${w.date} it runs twice ${at}`;
}
