/**
 * Snowflake's date and time functions: DATEADD, DATEDIFF, DATE_TRUNC, DATE_PART / EXTRACT,
 * YEAR … SECOND, DAYNAME, MONTHNAME, LAST_DAY, TIME_SLICE, the *_FROM_PARTS constructors,
 * CONVERT_TIMEZONE, ADD_MONTHS, NEXT_DAY, PREVIOUS_DAY, MONTHS_BETWEEN and SYSDATE.
 * https://docs.snowflake.com/en/sql-reference/functions-date-time
 *
 * A result keeps its input's type as Snowflake's does (a DATE plus days is a DATE, a
 * TIMESTAMP_LTZ stays one): those macros are type chains (type-chain.ts) over DATE, TIMESTAMP
 * (TIMESTAMP_NTZ), TIMESTAMPTZ (TIMESTAMP_LTZ/TZ), TIME and text, which is read as a
 * TIMESTAMP_NTZ as Snowflake reads a string argument. Each function evaluates its arguments once
 * (evaluated-once.ts) and hands the values to the chains. The week starts on Monday and week 1
 * is ISO's: Snowflake's defaults WEEK_START = 0 and WEEK_OF_YEAR_POLICY = 0. A TIMESTAMPTZ is
 * read on the session's clock (the connection's TimeZone), as a TIMESTAMP_LTZ is. Date parts
 * written as words are the rewrite's (date-time-calls.ts).
 */
import type { FunctionFamily } from './function-family';
import { REWRITTEN_FUNCTIONS, rewriteDateTimeCalls } from './date-time-calls';
import { CALENDAR_PARTS } from './date-parts';
import { evaluatedOnce } from './evaluated-once';
import { raiseSql } from './raise';
import { typeChain } from './type-chain';
import { sqlString } from '../tokens';

const MICROS_PER_DAY = 86_400_000_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const list = (values: readonly string[]) => `[${values.map(sqlString).join(', ')}]`;
const compilationError = (detail: string) => raiseSql('002000', '42000', `'SQL compilation error:\n' || ${detail}`);

/** Snowflake's error for text that names no timestamp. */
const notATimestamp = (text: string) => raiseSql('100035', '22007', `'Timestamp ''' || ${text} || ''' is not recognized'`);
const timeRefused = (fn: string) => compilationError(sqlString(`${fn} does not take a TIME value`));
const invalidArgumentTypes = (fn: string, types: string) =>
  raiseSql('001044', '42P13', sqlString(`SQL compilation error:\nInvalid argument types for function '${fn}': (${types})`));

/** Integer arithmetic that rounds down (DuckDB's `//` and `%` round toward zero). */
const ARITHMETIC = [
  'CREATE OR REPLACE MACRO SF_FLOOR_MOD(a, b) AS ((a % b) + b) % b',
  'CREATE OR REPLACE MACRO SF_FLOOR_DIV(a, b) AS (a - SF_FLOOR_MOD(a, b)) // b',
];

/**
 * Text as Snowflake reads a date or time string: surrounding spaces (and a VARIANT string's
 * quotes) dropped; as a TIMESTAMP_NTZ a UTC offset after the time is dropped too. DuckDB's own
 * regexp_replace (system.main): REGEXP_REPLACE is a macro with Snowflake's arguments.
 */
const TEXT = [
  `CREATE OR REPLACE MACRO SF_DATETIME_TEXT(s) AS trim(s, ' "')`,
  `CREATE OR REPLACE MACRO SF_NTZ_TEXT(s) AS
     system.main.regexp_replace(SF_DATETIME_TEXT(s), '(:\\d{2}(\\.\\d*)?)\\s*(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})$', '\\1')`,
  `CREATE OR REPLACE MACRO SF_TIMESTAMP_FROM_TEXT(s) AS CASE WHEN s IS NULL THEN NULL
     WHEN TRY_CAST(SF_NTZ_TEXT(s) AS TIMESTAMP) IS NULL THEN ${notATimestamp('s')}
     ELSE TRY_CAST(SF_NTZ_TEXT(s) AS TIMESTAMP) END`,
  // A time of day alone ('10:00:00') has a wall clock too: on 1970-01-01, as a TIME has.
  `CREATE OR REPLACE MACRO SF_WALL_CLOCK_FROM_TEXT(s) AS CASE WHEN s IS NULL THEN NULL
     WHEN TRY_CAST(SF_NTZ_TEXT(s) AS TIMESTAMP) IS NOT NULL THEN TRY_CAST(SF_NTZ_TEXT(s) AS TIMESTAMP)
     WHEN TRY_CAST(SF_DATETIME_TEXT(s) AS TIME) IS NOT NULL THEN DATE '1970-01-01' + TRY_CAST(SF_DATETIME_TEXT(s) AS TIME)
     ELSE ${notATimestamp('s')} END`,
  // As TIMESTAMP_TZ (2-argument CONVERT_TIMEZONE): the offset counts, written with or without a space.
  `CREATE OR REPLACE MACRO SF_TZ_TEXT(s) AS
     system.main.regexp_replace(SF_DATETIME_TEXT(s), '\\s+(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})$', '\\1')`,
  `CREATE OR REPLACE MACRO SF_TIMESTAMPTZ_FROM_TEXT(s) AS CASE WHEN s IS NULL THEN NULL
     WHEN TRY_CAST(SF_TZ_TEXT(s) AS TIMESTAMPTZ) IS NULL THEN ${notATimestamp('s')}
     ELSE TRY_CAST(SF_TZ_TEXT(s) AS TIMESTAMPTZ) END`,
];

/** The wall clock a value shows, as a TIMESTAMP: an LTZ value's on the session's clock, a TIME's on 1970-01-01. */
const CLOCKS = [
  ...typeChain('SF_WALL_CLOCK', ['x'], 'x', {
    text: (v) => `SF_WALL_CLOCK_FROM_TEXT(${v})`,
    date: (v) => `CAST(${v} AS TIMESTAMP)`,
    ntz: (v) => v,
    ltz: (v) => `CAST(${v} AS TIMESTAMP)`,
    time: (v) => `DATE '1970-01-01' + ${v}`,
  }),
  // For functions that count days, which a TIME has none of.
  ...typeChain('SF_CALENDAR_CLOCK', ['x'], 'x', {
    text: (v) => `SF_TIMESTAMP_FROM_TEXT(${v})`,
    date: (v) => `CAST(${v} AS TIMESTAMP)`,
    ntz: (v) => v,
    ltz: (v) => `CAST(${v} AS TIMESTAMP)`,
    time: () => `${compilationError("'A TIME value has no date'")}::TIMESTAMP`,
  }),
  // Microseconds since 1970-01-01 UTC: an NTZ value's wall clock taken as UTC, an LTZ value's instant.
  ...typeChain('SF_MICROS_SINCE_EPOCH', ['x'], 'x', {
    text: (v) => `epoch_us(SF_TIMESTAMP_FROM_TEXT(${v}))`,
    date: (v) => `epoch_us(CAST(${v} AS TIMESTAMP))`,
    ntz: (v) => `epoch_us(${v})`,
    ltz: (v) => `epoch_us(${v})`,
    time: () => `${compilationError("'A TIME value has no epoch'")}::BIGINT`,
  }),
  // Only a TIMESTAMP_LTZ/TZ has an offset from UTC.
  ...typeChain('SF_UTC_OFFSET_PART', ['part', 'x'], 'x', {
    text: () => '0',
    date: () => '0',
    ntz: () => '0',
    ltz: (v) => `date_part(part, ${v})`,
    time: () => '0',
  }),
];

/** YEAR( … ) and its kin: one number of the value's wall clock. */
const EXTRACTED: Record<string, { part: string; time?: boolean }> = {
  YEAR: { part: 'year' },
  QUARTER: { part: 'quarter' },
  MONTH: { part: 'month' },
  DAY: { part: 'day' },
  DAYOFMONTH: { part: 'day' },
  // Sunday is 0 (WEEK_START = 0); the ISO day of the week makes it 7.
  DAYOFWEEK: { part: 'dow' },
  DAYOFWEEKISO: { part: 'isodow' },
  DAYOFYEAR: { part: 'doy' },
  // WEEK_OF_YEAR_POLICY = 0 with WEEK_START = 0 numbers weeks as ISO does.
  WEEK: { part: 'week' },
  WEEKOFYEAR: { part: 'week' },
  WEEKISO: { part: 'week' },
  YEAROFWEEK: { part: 'isoyear' },
  YEAROFWEEKISO: { part: 'isoyear' },
  HOUR: { part: 'hour', time: true },
  MINUTE: { part: 'minute', time: true },
  SECOND: { part: 'second', time: true },
};

const EXTRACTION = [
  ...Object.entries(EXTRACTED).map(([name, { part, time }]) =>
    evaluatedOnce(name, ['x'], ([x]) => `date_part('${part}', ${time ? 'SF_WALL_CLOCK' : 'SF_CALENDAR_CLOCK'}(${x}))`),
  ),
  // DATE_PART's MILLISECOND … NANOSECOND: the fraction of the second, in that unit.
  evaluatedOnce('SF_MILLISECOND', ['x'], ([x]) => `date_part('microseconds', SF_WALL_CLOCK(${x})) % 1000000 // 1000`),
  evaluatedOnce('SF_MICROSECOND', ['x'], ([x]) => `date_part('microseconds', SF_WALL_CLOCK(${x})) % 1000000`),
  evaluatedOnce('SF_NANOSECOND', ['x'], ([x]) => `date_part('microseconds', SF_WALL_CLOCK(${x})) % 1000000 * 1000`),
  evaluatedOnce('SF_EPOCH_SECOND', ['x'], ([x]) => `SF_FLOOR_DIV(SF_MICROS_SINCE_EPOCH(${x}), 1000000)`),
  evaluatedOnce('SF_EPOCH_MILLISECOND', ['x'], ([x]) => `SF_FLOOR_DIV(SF_MICROS_SINCE_EPOCH(${x}), 1000)`),
  evaluatedOnce('SF_EPOCH_MICROSECOND', ['x'], ([x]) => `SF_MICROS_SINCE_EPOCH(${x})`),
  evaluatedOnce('SF_EPOCH_NANOSECOND', ['x'], ([x]) => `CAST(SF_MICROS_SINCE_EPOCH(${x}) AS HUGEINT) * 1000`),
  evaluatedOnce('SF_TIMEZONE_HOUR', ['x'], ([x]) => `SF_UTC_OFFSET_PART('timezone_hour', ${x})`),
  evaluatedOnce('SF_TIMEZONE_MINUTE', ['x'], ([x]) => `SF_UTC_OFFSET_PART('timezone_minute', ${x})`),
  // Cast: DuckDB folds a NULL list index to an untyped NULL, which would come back as a number.
  evaluatedOnce('DAYNAME', ['x'], ([x]) =>
    `CAST(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date_part('dow', SF_CALENDAR_CLOCK(${x})) + 1] AS VARCHAR)`,
  ),
  evaluatedOnce('MONTHNAME', ['x'], ([x]) =>
    `CAST(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
       [date_part('month', SF_CALENDAR_CLOCK(${x}))] AS VARCHAR)`,
  ),
];

/** n years, quarters, months, weeks or days as an interval. */
const CALENDAR_INTERVAL = `CREATE OR REPLACE MACRO SF_CALENDAR_INTERVAL(part, n) AS CASE part
  WHEN 'YEAR' THEN to_months(CAST(n AS INTEGER) * 12) WHEN 'QUARTER' THEN to_months(CAST(n AS INTEGER) * 3)
  WHEN 'MONTH' THEN to_months(CAST(n AS INTEGER)) WHEN 'WEEK' THEN to_days(CAST(n AS INTEGER) * 7)
  ELSE to_days(CAST(n AS INTEGER)) END`;

/** n units of `nanos` nanoseconds, in microseconds (the finest DuckDB keeps). */
const FIXED_INTERVAL = 'to_microseconds(CAST(CAST(n AS HUGEINT) * nanos // 1000 AS BIGINT))';

/**
 * DATEADD. A calendar part moves a DATE to a DATE, month arithmetic clamping to the month's end
 * as Snowflake's does (2023-01-31 plus a month is 2023-02-28); a fixed-length part (hours and
 * smaller) makes a DATE a TIMESTAMP_NTZ at its midnight, and moves a TIME around the clock.
 */
const DATEADD = [
  CALENDAR_INTERVAL,
  ...typeChain('SF_DATEADD_CALENDAR_OF', ['part', 'n', 'x'], 'x', {
    text: (v) => `SF_TIMESTAMP_FROM_TEXT(${v}) + SF_CALENDAR_INTERVAL(part, n)`,
    date: (v) => `CAST(${v} + SF_CALENDAR_INTERVAL(part, n) AS DATE)`,
    ntz: (v) => `${v} + SF_CALENDAR_INTERVAL(part, n)`,
    ltz: (v) => `${v} + SF_CALENDAR_INTERVAL(part, n)`,
    time: () => `${compilationError("'DATEADD: the date part ' || part || ' is not valid for a TIME value'")}::TIME`,
  }),
  ...typeChain('SF_DATEADD_FIXED_OF', ['nanos', 'n', 'x'], 'x', {
    text: (v) => `SF_TIMESTAMP_FROM_TEXT(${v}) + ${FIXED_INTERVAL}`,
    date: (v) => `CAST(${v} AS TIMESTAMP) + ${FIXED_INTERVAL}`,
    ntz: (v) => `${v} + ${FIXED_INTERVAL}`,
    ltz: (v) => `${v} + ${FIXED_INTERVAL}`,
    time: (v) => `${v} + ${FIXED_INTERVAL}`,
  }),
  evaluatedOnce('SF_DATEADD_CALENDAR', ['part', 'n', 'x'], ([part, n, x]) => `SF_DATEADD_CALENDAR_OF(${part}, ${n}, ${x})`, ['part']),
  evaluatedOnce('SF_DATEADD_FIXED', ['nanos', 'n', 'x'], ([nanos, n, x]) => `SF_DATEADD_FIXED_OF(${nanos}, ${n}, ${x})`, ['nanos']),
];

/**
 * DATEDIFF: how many boundaries of the part lie between a and b, counted on their wall clocks
 * (one second before midnight to midnight is one day, and one year on New Year's Eve).
 */
const DATEDIFF = [
  evaluatedOnce(
    'SF_DATEDIFF_CALENDAR',
    ['part', 'a', 'b'],
    ([part, a, b]) => {
      const [from, to] = [`SF_CALENDAR_CLOCK(${a})`, `SF_CALENDAR_CLOCK(${b})`];
      const count = (unit: string, perYear: number) =>
        `date_part('year', ${to}) * ${perYear} + date_part('${unit}', ${to})
          - date_part('year', ${from}) * ${perYear} - date_part('${unit}', ${from})`;
      return `CASE ${part}
        WHEN 'YEAR' THEN date_part('year', ${to}) - date_part('year', ${from})
        WHEN 'QUARTER' THEN ${count('quarter', 4)}
        WHEN 'MONTH' THEN ${count('month', 12)}
        WHEN 'WEEK' THEN (CAST(date_trunc('week', ${to}) AS DATE) - CAST(date_trunc('week', ${from}) AS DATE)) // 7
        ELSE CAST(${to} AS DATE) - CAST(${from} AS DATE) END`;
    },
    ['part'],
  ),
  // Below a microsecond every value lies on a boundary: the count is the difference.
  evaluatedOnce(
    'SF_DATEDIFF_FIXED',
    ['nanos', 'a', 'b'],
    ([nanos, a, b]) => {
      const [from, to] = [`epoch_us(SF_WALL_CLOCK(${a}))`, `epoch_us(SF_WALL_CLOCK(${b}))`];
      return `CASE WHEN ${nanos} < 1000 THEN (${to} - ${from}) * (1000 // ${nanos})
        ELSE SF_FLOOR_DIV(${to}, ${nanos} // 1000) - SF_FLOOR_DIV(${from}, ${nanos} // 1000) END`;
    },
    ['nanos'],
  ),
];

/** DATE_TRUNC (and TRUNC with a date part): the start of x's year … microsecond, of x's type. */
const DATE_TRUNC = [
  ...typeChain('SF_DATE_TRUNC_OF', ['part', 'x'], 'x', {
    text: (v) => `date_trunc(part, SF_TIMESTAMP_FROM_TEXT(${v}))`,
    date: (v) => `CAST(date_trunc(part, ${v}) AS DATE)`,
    ntz: (v) => `date_trunc(part, ${v})`,
    ltz: (v) => `date_trunc(part, ${v})`,
    time: (v) =>
      `CASE WHEN list_contains(${list(CALENDAR_PARTS)}, part)
         THEN ${compilationError("'DATE_TRUNC: the date part ' || part || ' is not valid for a TIME value'")}::TIME
         ELSE CAST(date_trunc(part, DATE '1970-01-01' + ${v}) AS TIME) END`,
  }),
  evaluatedOnce('SF_DATE_TRUNC', ['part', 'x'], ([part, x]) => `SF_DATE_TRUNC_OF(${part}, ${x})`, ['part']),
];

/** LAST_DAY: the last day of x's year, quarter, month or (Monday-based) week, a DATE. */
const LAST_DAY = evaluatedOnce(
  'SF_LAST_DAY',
  ['part', 'x'],
  ([part, x]) => `CASE ${part}
    WHEN 'YEAR' THEN last_day(date_trunc('year', SF_CALENDAR_CLOCK(${x})) + to_months(11))
    WHEN 'QUARTER' THEN last_day(date_trunc('quarter', SF_CALENDAR_CLOCK(${x})) + to_months(2))
    WHEN 'WEEK' THEN CAST(date_trunc('week', SF_CALENDAR_CLOCK(${x})) + to_days(6) AS DATE)
    ELSE last_day(SF_CALENDAR_CLOCK(${x})) END`,
  ['part'],
);

/**
 * TIME_SLICE: the start (or end) of the n-part slice holding x, slices counted on the wall clock
 * from 1970-01-01 00:00:00, week slices from Monday 1969-12-29 (WEEK_START = 0).
 */
const TIME_SLICE = [
  `CREATE OR REPLACE MACRO SF_SLICE_WIDTH(n, part) AS CASE
    WHEN CAST(n AS BIGINT) < 1 THEN ${compilationError("'TIME_SLICE: the slice length must be at least 1'")}::INTERVAL
    WHEN part IN ('YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY') THEN SF_CALENDAR_INTERVAL(part, n)
    WHEN part = 'HOUR' THEN to_hours(CAST(n AS BIGINT)) WHEN part = 'MINUTE' THEN to_minutes(CAST(n AS BIGINT))
    ELSE to_seconds(CAST(n AS BIGINT)) END`,
  `CREATE OR REPLACE MACRO SF_SLICE_EDGE(wall, n, part, edge) AS time_bucket(SF_SLICE_WIDTH(n, part), wall,
      CASE WHEN part = 'WEEK' THEN TIMESTAMP '1969-12-29 00:00:00' ELSE TIMESTAMP '1970-01-01 00:00:00' END)
    + CASE WHEN edge = 'END' THEN SF_SLICE_WIDTH(n, part) ELSE INTERVAL 0 SECOND END`,
  ...typeChain('SF_TIME_SLICE_OF', ['x', 'n', 'part', 'edge'], 'x', {
    text: (v) => `SF_SLICE_EDGE(SF_TIMESTAMP_FROM_TEXT(${v}), n, part, edge)`,
    date: (v) => `CAST(SF_SLICE_EDGE(CAST(${v} AS TIMESTAMP), n, part, edge) AS DATE)`,
    ntz: (v) => `SF_SLICE_EDGE(${v}, n, part, edge)`,
    ltz: (v) => `CAST(SF_SLICE_EDGE(CAST(${v} AS TIMESTAMP), n, part, edge) AS TIMESTAMPTZ)`,
    time: () => `${timeRefused('TIME_SLICE')}::TIME`,
  }),
  evaluatedOnce(
    'SF_TIME_SLICE',
    ['x', 'n', 'part', 'edge'],
    ([x, n, part, edge]) => `SF_TIME_SLICE_OF(${x}, ${n}, ${part}, ${edge})`,
    ['part', 'edge'],
  ),
];

/** Microseconds of a time of day given in parts, which may overflow into the next unit. */
const TIME_OF_DAY_MICROS =
  '(CAST(h AS BIGINT) * 3600000000 + CAST(mi AS BIGINT) * 60000000 + CAST(s AS BIGINT) * 1000000 + CAST(ns AS BIGINT) // 1000)';

/**
 * The *_FROM_PARTS constructors. Out-of-range parts carry over as Snowflake's do: month 0 is the
 * previous December, day 0 the previous month's last day, -3600 seconds an hour earlier.
 */
const FROM_PARTS = [
  `CREATE OR REPLACE MACRO DATE_FROM_PARTS(y, m, d) AS CAST(
     make_date(CAST(y AS BIGINT) + SF_FLOOR_DIV(CAST(m AS BIGINT) - 1, 12), SF_FLOOR_MOD(CAST(m AS BIGINT) - 1, 12) + 1, 1)
     + CAST(CAST(d AS BIGINT) - 1 AS INTEGER) AS DATE)`,
  'CREATE OR REPLACE MACRO DATEFROMPARTS(y, m, d) AS DATE_FROM_PARTS(y, m, d)',
  // A TIME has no next day: the parts wrap around midnight.
  `CREATE OR REPLACE MACRO SF_TIME_FROM_PARTS(h, mi, s, ns) AS
     TIME '00:00:00' + to_microseconds(SF_FLOOR_MOD(${TIME_OF_DAY_MICROS}, ${MICROS_PER_DAY}))`,
  ...['TIME_FROM_PARTS', 'TIMEFROMPARTS'].map(
    (name) =>
      `CREATE OR REPLACE MACRO ${name}(h, mi, s) AS SF_TIME_FROM_PARTS(h, mi, s, 0), (h, mi, s, ns) AS SF_TIME_FROM_PARTS(h, mi, s, ns)`,
  ),
  `CREATE OR REPLACE MACRO SF_NTZ_FROM_PARTS(y, mo, d, h, mi, s, ns) AS
     CAST(DATE_FROM_PARTS(y, mo, d) AS TIMESTAMP) + to_microseconds(${TIME_OF_DAY_MICROS})`,
  // TIMESTAMP_FROM_PARTS makes a TIMESTAMP_NTZ under the default TIMESTAMP_TYPE_MAPPING.
  ...['TIMESTAMP_FROM_PARTS', 'TIMESTAMPFROMPARTS', 'TIMESTAMP_NTZ_FROM_PARTS', 'TIMESTAMPNTZFROMPARTS'].map(
    (name) => `CREATE OR REPLACE MACRO ${name}
       (d, t) AS CAST(d AS DATE) + CAST(t AS TIME),
       (y, mo, d, h, mi, s) AS SF_NTZ_FROM_PARTS(y, mo, d, h, mi, s, 0),
       (y, mo, d, h, mi, s, ns) AS SF_NTZ_FROM_PARTS(y, mo, d, h, mi, s, ns)`,
  ),
  // The wall clock read on the session's clock.
  ...['TIMESTAMP_LTZ_FROM_PARTS', 'TIMESTAMPLTZFROMPARTS'].map(
    (name) => `CREATE OR REPLACE MACRO ${name}
       (y, mo, d, h, mi, s) AS CAST(SF_NTZ_FROM_PARTS(y, mo, d, h, mi, s, 0) AS TIMESTAMPTZ),
       (y, mo, d, h, mi, s, ns) AS CAST(SF_NTZ_FROM_PARTS(y, mo, d, h, mi, s, ns) AS TIMESTAMPTZ)`,
  ),
  // The wall clock read in the time zone given, else on the session's clock.
  ...['TIMESTAMP_TZ_FROM_PARTS', 'TIMESTAMPTZFROMPARTS'].map(
    (name) => `CREATE OR REPLACE MACRO ${name}
       (y, mo, d, h, mi, s) AS CAST(SF_NTZ_FROM_PARTS(y, mo, d, h, mi, s, 0) AS TIMESTAMPTZ),
       (y, mo, d, h, mi, s, ns) AS CAST(SF_NTZ_FROM_PARTS(y, mo, d, h, mi, s, ns) AS TIMESTAMPTZ),
       (y, mo, d, h, mi, s, ns, tz) AS timezone(tz, SF_NTZ_FROM_PARTS(y, mo, d, h, mi, s, ns))`,
  ),
];

/**
 * CONVERT_TIMEZONE. With 3 arguments, a TIMESTAMP_NTZ wall clock in one zone as the wall clock
 * in the other; a TIMESTAMP_LTZ/TZ is refused as Snowflake refuses it. With 2, the same instant
 * as a TIMESTAMP_TZ in the zone given (here a TIMESTAMPTZ, shown on the session's clock).
 */
const TIME_ZONES = [
  ...typeChain('SF_BETWEEN_TIME_ZONES', ['source', 'target', 'x'], 'x', {
    text: (v) => `timezone(target, timezone(source, SF_TIMESTAMP_FROM_TEXT(${v})))`,
    date: (v) => `timezone(target, timezone(source, CAST(${v} AS TIMESTAMP)))`,
    ntz: (v) => `timezone(target, timezone(source, ${v}))`,
    ltz: () => `${invalidArgumentTypes('CONVERT_TIMEZONE', 'VARCHAR, VARCHAR, TIMESTAMP_LTZ(9)')}::TIMESTAMP`,
    time: () => `${invalidArgumentTypes('CONVERT_TIMEZONE', 'VARCHAR, VARCHAR, TIME(9)')}::TIMESTAMP`,
  }),
  ...typeChain('SF_ZONED', ['x'], 'x', {
    text: (v) => `SF_TIMESTAMPTZ_FROM_TEXT(${v})`,
    date: (v) => `CAST(${v} AS TIMESTAMPTZ)`,
    ntz: (v) => `CAST(${v} AS TIMESTAMPTZ)`,
    ltz: (v) => v,
    time: () => `${invalidArgumentTypes('CONVERT_TIMEZONE', 'VARCHAR, TIME(9)')}::TIMESTAMPTZ`,
  }),
  // The zone is looked up (an unknown one fails) though the instant does not change.
  'CREATE OR REPLACE MACRO SF_IN_TIME_ZONE(tz, x) AS CASE WHEN timezone(tz, x) IS NULL THEN NULL ELSE x END',
  // Evaluated once as evaluated-once.ts does, written out: both arities belong to one macro.
  `CREATE OR REPLACE MACRO CONVERT_TIMEZONE
    (tz, x) AS list_transform([{'tz': tz, 'x': x}], lambda v: SF_IN_TIME_ZONE(v.tz, SF_ZONED(v.x)))[1],
    (source, target, x) AS list_transform([{'source': source, 'target': target, 'x': x}],
      lambda v: SF_BETWEEN_TIME_ZONES(v.source, v.target, v.x))[1]`,
];

/**
 * ADD_MONTHS: DATEADD(month, …), except that the last day of a month stays the last day of the
 * resulting month (2016-02-29 plus a month is 2016-03-31).
 */
const ADD_MONTHS = [
  `CREATE OR REPLACE MACRO SF_ADD_MONTHS_TO_WALL_CLOCK(x, n) AS CASE WHEN last_day(x) = CAST(x AS DATE)
    THEN last_day(x + to_months(CAST(n AS INTEGER))) + (x - date_trunc('day', x))
    ELSE x + to_months(CAST(n AS INTEGER)) END`,
  ...typeChain('SF_ADD_MONTHS', ['x', 'n'], 'x', {
    text: (v) => `SF_ADD_MONTHS_TO_WALL_CLOCK(SF_TIMESTAMP_FROM_TEXT(${v}), n)`,
    date: (v) => `CAST(SF_ADD_MONTHS_TO_WALL_CLOCK(CAST(${v} AS TIMESTAMP), n) AS DATE)`,
    ntz: (v) => `SF_ADD_MONTHS_TO_WALL_CLOCK(${v}, n)`,
    ltz: (v) => `CAST(SF_ADD_MONTHS_TO_WALL_CLOCK(CAST(${v} AS TIMESTAMP), n) AS TIMESTAMPTZ)`,
    time: () => `${timeRefused('ADD_MONTHS')}::TIME`,
  }),
  evaluatedOnce('ADD_MONTHS', ['x', 'n'], ([x, n]) => `SF_ADD_MONTHS(${x}, ${n})`),
];

/**
 * NEXT_DAY / PREVIOUS_DAY: the first such weekday after (before) the date, never the date itself.
 * The weekday is named by its first two letters or more of its English name, in any case.
 */
const WEEKDAY_PREFIXES = list(WEEKDAYS.map((day) => day.slice(0, 2)));

const WEEKDAY_MOVES = [
  `CREATE OR REPLACE MACRO SF_WEEKDAY_NUMBER(name) AS CASE
    WHEN name IS NULL THEN NULL
    WHEN length(trim(name)) >= 2
      AND starts_with(${list(WEEKDAYS)}[list_position(${WEEKDAY_PREFIXES}, lower(left(trim(name), 2)))], lower(trim(name)))
      THEN list_position(${WEEKDAY_PREFIXES}, lower(left(trim(name), 2))) - 1
    ELSE ${raiseSql('100000', '22023', "'Invalid day of the week ''' || name || ''''")} END`,
  evaluatedOnce('NEXT_DAY', ['x', 'name'], ([x, name]) =>
    `CAST(SF_CALENDAR_CLOCK(${x}) AS DATE)
       + CAST(SF_FLOOR_MOD(SF_WEEKDAY_NUMBER(${name}) - date_part('dow', SF_CALENDAR_CLOCK(${x})) + 6, 7) + 1 AS INTEGER)`,
  ),
  evaluatedOnce('PREVIOUS_DAY', ['x', 'name'], ([x, name]) =>
    `CAST(SF_CALENDAR_CLOCK(${x}) AS DATE)
       - CAST(SF_FLOOR_MOD(date_part('dow', SF_CALENDAR_CLOCK(${x})) - SF_WEEKDAY_NUMBER(${name}) + 6, 7) + 1 AS INTEGER)`,
  ),
];

/**
 * MONTHS_BETWEEN(a, b): whole months when the days of the month match or both are their month's
 * last day; otherwise the difference of the days and times within the month counts in 31-day
 * months. A NUMBER with 6 decimals.
 */
const MONTHS_BETWEEN = [
  // The cast to 6 decimals rounds (half away from zero).
  `CREATE OR REPLACE MACRO SF_MONTHS_BETWEEN(a, b) AS CAST(
    (date_part('year', a) - date_part('year', b)) * 12 + date_part('month', a) - date_part('month', b)
    + CASE WHEN date_part('day', a) = date_part('day', b)
        OR (last_day(a) = CAST(a AS DATE) AND last_day(b) = CAST(b AS DATE)) THEN 0
      ELSE ((epoch_us(a) - epoch_us(date_trunc('month', a))) - (epoch_us(b) - epoch_us(date_trunc('month', b))))
        / (31 * ${MICROS_PER_DAY}) END AS DECIMAL(38, 6))`,
  evaluatedOnce('MONTHS_BETWEEN', ['a', 'b'], ([a, b]) =>
    `SF_MONTHS_BETWEEN(SF_CALENDAR_CLOCK(${a}), SF_CALENDAR_CLOCK(${b}))`,
  ),
];

export const dateTime: FunctionFamily = {
  macros: [
    // The current time in UTC as TIMESTAMP_NTZ, whatever the session's time zone.
    "CREATE OR REPLACE MACRO SYSDATE() AS timezone('UTC', current_timestamp)",
    ...ARITHMETIC,
    ...TEXT,
    ...CLOCKS,
    ...EXTRACTION,
    ...DATEADD,
    ...DATEDIFF,
    ...DATE_TRUNC,
    LAST_DAY,
    ...TIME_SLICE,
    ...FROM_PARTS,
    ...TIME_ZONES,
    ...ADD_MONTHS,
    ...WEEKDAY_MOVES,
    ...MONTHS_BETWEEN,
  ],
  rewrite: rewriteDateTimeCalls,
  rewritten: REWRITTEN_FUNCTIONS,
};
