/**
 * Parses a task's SCHEDULE string (https://docs.snowflake.com/en/sql-reference/sql/create-task) into a
 * form the scheduler can compute runs from. Pure: no clock, no I/O.
 */
import { runsOnDay } from './cron-calendar';
import type { CronSchedule, Schedule } from './schedule-types';
import { DAY_MS } from './zone-time';

export class ScheduleParseError extends Error {
  override name = 'ScheduleParseError';
}

const UNIT_MS: Record<string, number> = { SECOND: 1_000, MINUTE: 60_000, HOUR: 3_600_000 };

/**
 * Snowflake documents 11,520 minutes (8 days) as the longest interval it supports and never runs
 * a task with a longer one; refusing it says so at once (and keeps run times within a Date).
 */
export const MAX_INTERVAL_MS = 11_520 * 60_000;

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  /** Names for min, min+1, …; matched case-insensitively. */
  names?: readonly string[];
  /** Where `L` is allowed: alone in day-of-month, after a weekday in day-of-week. */
  last?: 'day' | 'weekday';
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31, last: 'day' },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  // 0–6 only, as documented; Vixie's 7 = Sunday is rejected so a schedule accepted here is one
  // Snowflake documents as valid.
  { name: 'day-of-week', min: 0, max: 6, names: WEEKDAY_NAMES, last: 'weekday' },
];

const FORMS = `'<n> MINUTES|HOURS|SECONDS' or 'USING CRON <minute> <hour> <day-of-month> <month> <day-of-week> <time zone>'`;

export function parseSchedule(input: string): Schedule {
  const text = input.trim().replace(/\s+/g, ' ');
  const cron = /^USING CRON(?: (.*))?$/i.exec(text);
  if (cron) return parseCron(cron[1] ?? '');
  const interval = /^(\d+) (SECOND|MINUTE|HOUR)S?$/i.exec(text);
  if (!interval) throw new ScheduleParseError(`SCHEDULE "${input}" is not ${FORMS}`);
  const n = Number(interval[1]);
  const unit = interval[2].toUpperCase();
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ScheduleParseError(`SCHEDULE interval "${interval[1]}" must be a whole number of at least 1`);
  }
  const ms = n * UNIT_MS[unit];
  if (ms > MAX_INTERVAL_MS) {
    const most = MAX_INTERVAL_MS / UNIT_MS[unit];
    throw new ScheduleParseError(`SCHEDULE interval "${text}" is longer than 8 days, the longest Snowflake runs (at most ${most.toLocaleString('en-US')} ${unit}S)`);
  }
  return { kind: 'interval', ms, text };
}

function parseCron(rest: string): CronSchedule {
  const parts = rest === '' ? [] : rest.split(' ');
  if (parts.length !== 6) {
    throw new ScheduleParseError(
      `USING CRON needs 5 fields and a time zone ("<minute> <hour> <day-of-month> <month> <day-of-week> <time zone>"), got ${parts.length} part${parts.length === 1 ? '' : 's'}: "${rest}"`,
    );
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = FIELDS.map((spec, i) => parseField(spec, parts[i]));
  const schedule: CronSchedule = {
    kind: 'cron',
    expression: parts.slice(0, 5).join(' '),
    timeZone: checkTimeZone(parts[5]),
    minutes: minute.values,
    hours: hour.values,
    daysOfMonth: dayOfMonth.values,
    lastDayOfMonth: dayOfMonth.last.length > 0,
    months: month.values,
    daysOfWeek: dayOfWeek.values,
    lastWeekdaysOfMonth: dayOfWeek.last,
    dayOfMonthStar: parts[2].startsWith('*'),
    dayOfWeekStar: parts[4].startsWith('*'),
  };
  checkDaysExist(schedule, parts);
  return schedule;
}

/**
 * A schedule whose days never come (`0 0 31 2 *`, or the 1st and 17th falling on the month's last
 * Sunday) would never run. The 28 years from 2001 hold every date on every weekday, leap days included.
 */
function checkDaysExist(s: CronSchedule, [, , dayOfMonth, month, dayOfWeek]: string[]): void {
  for (let day = Date.UTC(2001, 0, 1); day < Date.UTC(2029, 0, 1); day += DAY_MS) {
    if (runsOnDay(s, day)) return;
  }
  throw new ScheduleParseError(
    `USING CRON ${s.expression} never runs: no date matches day-of-month "${dayOfMonth}", month "${month}" and day-of-week "${dayOfWeek}" together`,
  );
}

function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    throw new ScheduleParseError(`unknown time zone "${zone}" (use an IANA name such as America/Los_Angeles or UTC)`);
  }
}

interface ParsedField {
  values: number[];
  /** `L` in day-of-month (as [1]) or the weekdays of `<d>L` in day-of-week. */
  last: number[];
}

function parseField(spec: FieldSpec, text: string): ParsedField {
  const values = new Set<number>();
  const last = new Set<number>();
  for (const item of text.split(',')) {
    if (item === '') throw new ScheduleParseError(`${spec.name} field "${text}" has an empty list item`);
    const upper = item.toUpperCase();
    if (spec.last === 'day' && upper === 'L') {
      last.add(1);
      continue;
    }
    if (spec.last === 'weekday' && upper.endsWith('L')) {
      if (upper === 'L') {
        throw new ScheduleParseError(`${spec.name} field "L" needs a weekday before it, e.g. "5L" (the last Friday)`);
      }
      last.add(parseValue(spec, item.slice(0, -1)));
      continue;
    }
    for (const v of parseItem(spec, item)) values.add(v);
  }
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { values: sorted(values), last: sorted(last) };
}

/** `*`, `a`, `a-b`, each optionally `/step`; `a/step` runs from a to the field's maximum. */
function parseItem(spec: FieldSpec, item: string): number[] {
  const [range, stepText, extra] = item.split('/');
  if (extra !== undefined) throw new ScheduleParseError(`${spec.name} field "${item}" has more than one "/"`);
  const step = stepText === undefined ? 1 : parseStep(spec, item, stepText);
  let from: number;
  let to: number;
  if (range === '*') {
    [from, to] = [spec.min, spec.max];
  } else if (range.includes('-')) {
    const [a, b, more] = range.split('-');
    if (more !== undefined || a === '' || b === '') {
      throw new ScheduleParseError(`${spec.name} field range "${range}" is not "<from>-<to>"`);
    }
    [from, to] = [parseValue(spec, a), parseValue(spec, b)];
    if (from > to) {
      throw new ScheduleParseError(`${spec.name} field range "${range}" runs backwards (ranges do not wrap)`);
    }
  } else {
    from = parseValue(spec, range);
    to = stepText === undefined ? from : spec.max;
  }
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

function parseStep(spec: FieldSpec, item: string, text: string): number {
  const span = spec.max - spec.min;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > span) {
    throw new ScheduleParseError(`${spec.name} field step "/${text}" in "${item}" must be a whole number from 1 to ${span}`);
  }
  return Number(text);
}

function parseValue(spec: FieldSpec, token: string): number {
  if (/^\d+$/.test(token)) {
    const n = Number(token);
    if (n < spec.min || n > spec.max) {
      throw new ScheduleParseError(`${spec.name} field "${token}" is out of range ${spec.min}–${spec.max}`);
    }
    return n;
  }
  const index = spec.names?.indexOf(token.toUpperCase()) ?? -1;
  if (index >= 0) return spec.min + index;
  const names = spec.names ? ` or a name ${spec.names[0]}–${spec.names[spec.names.length - 1]}` : '';
  throw new ScheduleParseError(`${spec.name} field "${token}" is not a number ${spec.min}–${spec.max}${names}`);
}
