/**
 * For property tests: fast-check arbitraries of valid cron fields (ranges, steps, lists, names,
 * L) and of IANA zones with unusual offsets and daylight-saving rules, and a parse that sets
 * aside the expressions whose days never come.
 */
import fc from 'fast-check';
import { parseSchedule, ScheduleParseError } from './schedule';
import type { Schedule } from './schedule-types';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** One field of `min`–`max`, optionally with names for its values. */
function field(min: number, max: number, names?: string[]): fc.Arbitrary<string> {
  const value = fc.integer({ min, max });
  const written = names ? fc.oneof(value.map(String), value.map((v) => names[v - min])) : value.map(String);
  const step = fc.integer({ min: 1, max: max - min });
  const item = fc.oneof(
    fc.constant('*'),
    step.map((s) => `*/${s}`),
    written,
    fc.tuple(value, value).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    fc.tuple(value, value, step).map(([a, b, s]) => `${Math.min(a, b)}-${Math.max(a, b)}/${s}`),
    fc.tuple(value, step).map(([a, s]) => `${a}/${s}`),
  );
  return fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => items.join(','));
}

export const cronExpression = fc
  .tuple(
    field(0, 59),
    field(0, 23),
    fc.oneof({ weight: 4, arbitrary: field(1, 31) }, { weight: 1, arbitrary: fc.constant('L') }),
    field(1, 12, MONTHS),
    fc.oneof({ weight: 4, arbitrary: field(0, 6, WEEKDAYS) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }).map((d) => `${d}L`) }),
  )
  .map((fields) => fields.join(' '));

/** Zones with half- and quarter-hour offsets, half-hour DST (Lord Howe) and both hemispheres. */
export const timeZone = fc.constantFrom(
  'UTC',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Paris',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
  'America/Sao_Paulo',
);

/**
 * The schedule, or null when the parser refuses it as one that never runs (days no month has,
 * which the field arbitraries can combine); any other refusal is thrown, so it fails the test.
 */
export function scheduleOrNever(text: string): Schedule | null {
  try {
    return parseSchedule(text);
  } catch (error) {
    if (error instanceof ScheduleParseError && / never runs: /.test(error.message)) return null;
    throw error;
  }
}
