/**
 * Snowflake's date and time parts: the canonical names, the abbreviations and variations each
 * accepts (case-insensitive, as a bare word or a string), and which functions take which part.
 * https://docs.snowflake.com/en/sql-reference/functions-date-time#label-supported-date-time-parts
 */
import type { Token } from '@/lib/domain/sql/lexer';
import { stringValue } from '../tokens';

/** Every part, with the other names Snowflake reads as it. */
const ALIASES = {
  YEAR: ['Y', 'YY', 'YYY', 'YYYY', 'YR', 'YEARS', 'YRS'],
  MONTH: ['MM', 'MON', 'MONS', 'MONTHS'],
  DAY: ['D', 'DD', 'DAYS', 'DAYOFMONTH'],
  DAYOFWEEK: ['WEEKDAY', 'DOW', 'DW'],
  DAYOFWEEKISO: ['WEEKDAY_ISO', 'DOW_ISO', 'DW_ISO'],
  DAYOFYEAR: ['YEARDAY', 'DOY', 'DY'],
  WEEK: ['W', 'WK', 'WEEKOFYEAR', 'WOY', 'WY'],
  WEEKISO: ['WEEK_ISO', 'WEEKOFYEARISO', 'WEEKOFYEAR_ISO'],
  QUARTER: ['Q', 'QTR', 'QTRS', 'QUARTERS'],
  YEAROFWEEK: [],
  YEAROFWEEKISO: [],
  HOUR: ['H', 'HH', 'HR', 'HOURS', 'HRS'],
  MINUTE: ['M', 'MI', 'MIN', 'MINUTES', 'MINS'],
  SECOND: ['S', 'SEC', 'SECONDS', 'SECS'],
  MILLISECOND: ['MS', 'MSEC', 'MILLISECONDS'],
  MICROSECOND: ['US', 'USEC', 'MICROSECONDS'],
  NANOSECOND: ['NS', 'NSEC', 'NANOSEC', 'NSECOND', 'NANOSECONDS', 'NANOSECS', 'NSECONDS'],
  EPOCH_SECOND: ['EPOCH', 'EPOCH_SECONDS'],
  EPOCH_MILLISECOND: ['EPOCH_MILLISECONDS'],
  EPOCH_MICROSECOND: ['EPOCH_MICROSECONDS'],
  EPOCH_NANOSECOND: ['EPOCH_NANOSECONDS'],
  TIMEZONE_HOUR: ['TZH'],
  TIMEZONE_MINUTE: ['TZM'],
} as const;

export type DatePart = keyof typeof ALIASES;

const BY_NAME = new Map<string, DatePart>(
  (Object.entries(ALIASES) as [DatePart, readonly string[]][]).flatMap(([part, aliases]) =>
    [part, ...aliases].map((name) => [name, part] as const),
  ),
);

/** The part `name` stands for (any case), or null when it names none. */
export function datePartNamed(name: string): DatePart | null {
  return BY_NAME.get(name.trim().toUpperCase()) ?? null;
}

/** Parts counted on the calendar: they move a DATE by whole days and keep it a DATE. */
export const CALENDAR_PARTS: readonly DatePart[] = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY'];

/** Parts of fixed length, in nanoseconds: added to a DATE they make it a TIMESTAMP_NTZ. */
export const FIXED_PART_NANOSECONDS: Readonly<Partial<Record<DatePart, bigint>>> = {
  HOUR: 3_600_000_000_000n,
  MINUTE: 60_000_000_000n,
  SECOND: 1_000_000_000n,
  MILLISECOND: 1_000_000n,
  MICROSECOND: 1_000n,
  NANOSECOND: 1n,
};

const ARITHMETIC_PARTS: readonly DatePart[] = [...CALENDAR_PARTS, ...(Object.keys(FIXED_PART_NANOSECONDS) as DatePart[])];

export type PartTakingFunction = 'DATEADD' | 'DATEDIFF' | 'DATE_TRUNC' | 'DATE_PART' | 'LAST_DAY' | 'TIME_SLICE';

/** The parts each function accepts (the table of the page above, one column per function). */
export const PARTS_ACCEPTED_BY: Readonly<Record<PartTakingFunction, readonly DatePart[]>> = {
  DATEADD: ARITHMETIC_PARTS,
  DATEDIFF: ARITHMETIC_PARTS,
  DATE_TRUNC: ARITHMETIC_PARTS,
  DATE_PART: Object.keys(ALIASES) as DatePart[],
  LAST_DAY: ['YEAR', 'QUARTER', 'MONTH', 'WEEK'],
  TIME_SLICE: ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND'],
};

/**
 * The name a part argument is written with: a bare word (`month`) or a string (`'month'`), as
 * one token; null when the argument is anything else (an expression, a column of parts).
 */
export function partArgumentName(tokens: readonly Token[]): string | null {
  if (tokens.length !== 1) return null;
  const [token] = tokens;
  if (token.kind === 'identifier') return token.text;
  return stringValue(token);
}
