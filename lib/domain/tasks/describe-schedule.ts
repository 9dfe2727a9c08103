/**
 * A task schedule in words for the Tasks page: "every 10 minutes", "daily at 01:00,
 * America/Los_Angeles", "at 09:30 on weekdays (Mon–Fri), Europe/Paris". Shapes not worth a
 * sentence fall back to the cron text.
 */
import type { CronSchedule, Schedule } from './schedule-types';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const UNITS: readonly [string, number][] = [
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

export function describeSchedule(s: Schedule): string {
  if (s.kind === 'interval') {
    const [unit, ms] = UNITS.find(([, ms]) => s.ms % ms === 0) ?? UNITS[UNITS.length - 1];
    return every(s.ms / ms, unit);
  }
  const time = describeTime(s);
  const days = describeDays(s);
  if (time === null || days === null) return `cron "${s.expression}", ${s.timeZone}`;
  const months = isAll(s.months, 12) ? '' : ` in ${describeList(s.months, (m) => MONTHS[m - 1])}`;
  const daily = days === '' && months === '' && time.startsWith('at ') ? 'daily ' : '';
  return `${daily}${time}${days}${months}, ${s.timeZone}`;
}

function every(n: number, unit: string): string {
  return n === 1 ? `every ${unit}` : `every ${n} ${unit}s`;
}

function describeTime(s: CronSchedule): string | null {
  const { minutes, hours } = s;
  const minuteStep = stepFromZero(minutes, 60);
  if (minuteStep !== null) {
    const span = every(minuteStep, 'minute');
    if (isAll(hours, 24)) return span;
    if (isContiguous(hours)) return `${span} between ${clock(hours[0], 0)} and ${clock(hours[hours.length - 1], 59)}`;
    return null;
  }
  if (minutes.length !== 1) return null;
  const minute = minutes[0];
  const hourStep = stepFromZero(hours, 24);
  if (hourStep !== null) return `${every(hourStep, 'hour')} at :${pad(minute)}`;
  if (hours.length > 4) return null;
  return `at ${joinWords(hours.map((h) => clock(h, minute)))}`;
}

/** '' for every day, a phrase such as " on weekdays (Mon–Fri)", or null when not worth words. */
function describeDays(s: CronSchedule): string | null {
  const domRestricted = s.lastDayOfMonth || !isAll(s.daysOfMonth, 31);
  const dowRestricted = s.lastWeekdaysOfMonth.length > 0 || !isAll(s.daysOfWeek, 7);
  // With both restricted the day rule (either or both match) is too subtle for a phrase.
  if (domRestricted && dowRestricted) return null;
  if (domRestricted) {
    const numbered = s.daysOfMonth;
    if (numbered.length > 5) return null;
    const words = [...numbered.map(String), ...(s.lastDayOfMonth ? ['the last day'] : [])];
    const noun = numbered.length === 0 ? '' : numbered.length === 1 ? 'day ' : 'days ';
    return ` on ${noun}${joinWords(words)} of the month`;
  }
  if (!dowRestricted) return '';
  if (s.lastWeekdaysOfMonth.length > 0) {
    if (s.daysOfWeek.length > 0) return null;
    return ` on the last ${joinWords(s.lastWeekdaysOfMonth.map((d) => WEEKDAYS_LONG[d]))} of the month`;
  }
  const days = s.daysOfWeek;
  if (days.join() === '1,2,3,4,5') return ' on weekdays (Mon–Fri)';
  if (days.join() === '0,6') return ' on weekends (Sat, Sun)';
  return ` on ${describeList(days, (d) => WEEKDAYS[d])}`;
}

/** "Mon–Fri" for a run of three or more, "Mon, Wed and Fri" otherwise. */
function describeList(values: readonly number[], name: (v: number) => string): string {
  if (values.length >= 3 && isContiguous(values)) return `${name(values[0])}–${name(values[values.length - 1])}`;
  return joinWords(values.map(name));
}

/** The step n when values are exactly 0, n, 2n, … up to `size` and n divides `size`. */
function stepFromZero(values: readonly number[], size: number): number | null {
  if (values.length < 2 || values[0] !== 0) return null;
  const step = values[1];
  if (size % step !== 0 || values.length !== size / step) return null;
  return values.every((v, i) => v === i * step) ? step : null;
}

function isAll(values: readonly number[], size: number): boolean {
  return values.length === size;
}

function isContiguous(values: readonly number[]): boolean {
  return values.every((v, i) => i === 0 || v === values[i - 1] + 1);
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function clock(hour: number, minute: number): string {
  return `${pad(hour)}:${pad(minute)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
