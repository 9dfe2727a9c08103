/**
 * A task's schedule once parsed (schedule.ts): what the scheduler, the calendar and the
 * descriptions compute runs from. Types only, so the parser and the calendar it checks days
 * with can both depend on them.
 */
export interface IntervalSchedule {
  kind: 'interval';
  ms: number;
  /** The schedule as written, e.g. `10 MINUTES`. */
  text: string;
}

export interface CronSchedule {
  kind: 'cron';
  /** The five cron fields as written, single-spaced. */
  expression: string;
  timeZone: string;
  minutes: readonly number[];
  hours: readonly number[];
  daysOfMonth: readonly number[];
  /** `L` in day-of-month. */
  lastDayOfMonth: boolean;
  months: readonly number[];
  /** 0 = Sunday. */
  daysOfWeek: readonly number[];
  /** `5L` in day-of-week: the last Friday of the month. */
  lastWeekdaysOfMonth: readonly number[];
  /**
   * Whether day-of-month / day-of-week begin with `*`. Snowflake's documentation is silent on how the two
   * combine, so this follows Vixie cron: when neither starts with `*` a day matching either
   * field runs; otherwise a day must match both.
   */
  dayOfMonthStar: boolean;
  dayOfWeekStar: boolean;
}

export type Schedule = IntervalSchedule | CronSchedule;
