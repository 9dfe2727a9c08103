import type { Category } from '../corpus-case';

/**
 * The documentation's examples and its table of date and time parts. Where an example reads the
 * date with TO_DATE/TO_TIMESTAMP (the conversion functions' own cases), the same value is cast;
 * where it sets WEEK_START or WEEK_OF_YEAR_POLICY, the case is the example's default-setting
 * table (WEEK_START = 0, WEEK_OF_YEAR_POLICY = 0).
 */

/** The week-examples table of "Calendar weeks and weekdays". */
const WEEK_EXAMPLES = [
  'CREATE OR REPLACE TABLE week_examples (d DATE)',
  "INSERT INTO week_examples VALUES ('2016-12-30'), ('2016-12-31'), ('2017-01-01'), ('2017-01-02'), ('2017-01-03'), " +
    "('2017-01-04'), ('2017-01-05'), ('2017-12-30'), ('2017-12-31')",
];

/** The DATE_TRUNC / TRUNC example table, its timestamp without the UTC offset NTZ ignores. */
const TRUNC_TABLE = [
  'CREATE OR REPLACE TABLE test_date_trunc (mydate DATE, mytime TIME, mytimestamp TIMESTAMP)',
  "INSERT INTO test_date_trunc VALUES ('2024-05-09', '08:50:48', '2024-05-09 08:50:57.891')",
];

/** One DATEADD per way of writing a part, all expected to give `result`. */
function synonyms(names: string[], amount: number, value: string, result: string) {
  return {
    source: 'functions-date-time#label-supported-date-time-parts',
    sql: `SELECT ${names.map((name) => `DATEADD(${name}, ${amount}, ${value})`).join(', ')}`,
    rows: [names.map(() => result)],
  };
}

export const dateTime: Category = [
  { source: 'functions/sysdate', sql: 'SELECT SYSDATE() <= CURRENT_TIMESTAMP()', rows: [[true]] },

  // DATEADD / TIMEADD / TIMESTAMPADD
  {
    source: 'functions/dateadd',
    sql: "SELECT '2022-05-08'::DATE AS original_date, DATEADD(year, 2, '2022-05-08'::DATE) AS date_plus_two_years",
    columns: ['ORIGINAL_DATE', 'DATE_PLUS_TWO_YEARS'],
    types: ['date', 'date'],
    rows: [['2022-05-08', '2024-05-08']],
  },
  {
    source: 'functions/dateadd',
    sql: "SELECT '2022-05-08'::DATE AS original_date, DATEADD(year, -2, '2022-05-08'::DATE) AS date_minus_two_years",
    rows: [['2022-05-08', '2020-05-08']],
  },
  {
    source: 'functions/dateadd',
    setup: ['CREATE OR REPLACE TABLE datetest (d date)', "INSERT INTO datetest VALUES ('2022-04-05')"],
    sql: 'SELECT d AS original_date, DATEADD(year, 2, d) AS date_plus_two_years, DATEADD(hour, 2, d) AS timestamp_plus_two_hours FROM datetest',
    types: ['date', 'date', 'timestamp_ntz'],
    rows: [['2022-04-05', '2024-04-05', '2022-04-05 02:00:00.000']],
  },
  {
    source: 'functions/dateadd',
    sql: "SELECT DATEADD(month, 1, '2023-01-31'::DATE) AS date_plus_one_month",
    types: ['date'],
    rows: [['2023-02-28']],
  },
  { source: 'functions/dateadd', sql: "SELECT DATEADD(month, 1, '2023-02-28'::DATE) AS date_plus_one_month", rows: [['2023-03-28']] },
  { source: 'functions/dateadd', sql: "SELECT DATEADD(month, 1, '2000-01-31'::DATE) AS different_day", rows: [['2000-02-29']] },
  {
    source: 'functions/dateadd',
    setup: ['CREATE OR REPLACE TABLE timetest (t TIME)', "INSERT INTO timetest VALUES ('05:15:00')"],
    sql: 'SELECT t AS original_time, DATEADD(hour, 3, t) AS time_plus_three_hours FROM timetest',
    types: ['time', 'time'],
    rows: [['05:15:00', '08:15:00']],
  },
  {
    source: 'functions/dateadd',
    sql: "SELECT DATEADD(minute, -30, '00:10:00'::TIME), DATEADD(second, 90, '2024-01-15 23:59:00'::TIMESTAMP)",
    rows: [['23:40:00', '2024-01-16 00:00:30.000']],
  },
  { source: 'functions/dateadd', sql: "SELECT DATEADD(day, 1, '2024-01-01'::date)", types: ['date'], rows: [['2024-01-02']] },
  { source: 'functions/dateadd', sql: "SELECT DATEADD(day, 1, '2024-01-01')", types: ['timestamp_ntz'], rows: [['2024-01-02 00:00:00.000']] },
  { source: 'functions/timeadd', sql: "SELECT TIMEADD(year, 2, '2022-05-08'::DATE)", rows: [['2024-05-08']] },
  {
    source: 'functions/timestampadd',
    sql: "SELECT TIMESTAMPADD(month, 1, '2023-01-31'::DATE), TIMESTAMPADD(hour, 1, '2025-05-01 12:00:00'::TIMESTAMP)",
    rows: [['2023-02-28', '2025-05-01 13:00:00.000']],
  },
  {
    source: 'functions/task_history',
    sql: "SELECT DATEADD('hour', -1, current_timestamp()) < CURRENT_TIMESTAMP(), DATEDIFF('minute', DATEADD('hour', -1, current_timestamp()), current_timestamp())",
    rows: [[true, 60]],
  },
  { source: 'functions/task_history', sql: "SELECT DATEADD('hour', -1, current_timestamp()) AS since", types: ['timestamp_ltz'] },
  synonyms(['year', 'y', 'yy', 'yyy', 'yyyy', 'yr', 'years', 'yrs'], 1, "'2024-01-15'::DATE", '2025-01-15'),
  synonyms(['month', 'mm', 'mon', 'mons', 'months'], 1, "'2024-01-15'::DATE", '2024-02-15'),
  synonyms(['day', 'd', 'dd', 'days', 'dayofmonth'], 1, "'2024-01-15'::DATE", '2024-01-16'),
  synonyms(['week', 'w', 'wk', 'weekofyear', 'woy', 'wy'], 1, "'2024-01-15'::DATE", '2024-01-22'),
  synonyms(['quarter', 'q', 'qtr', 'qtrs', 'quarters'], 1, "'2024-01-15'::DATE", '2024-04-15'),
  synonyms(['hour', 'h', 'hh', 'hr', 'hours', 'hrs'], 1, "'2024-01-15 10:00:00'::TIMESTAMP", '2024-01-15 11:00:00.000'),
  synonyms(['minute', 'm', 'mi', 'min', 'minutes', 'mins'], 1, "'2024-01-15 10:00:00'::TIMESTAMP", '2024-01-15 10:01:00.000'),
  synonyms(['second', 's', 'sec', 'seconds', 'secs'], 1, "'2024-01-15 10:00:00'::TIMESTAMP", '2024-01-15 10:00:01.000'),
  synonyms(['millisecond', 'ms', 'msec', 'milliseconds'], 500, "'2024-01-15 10:00:00'::TIMESTAMP", '2024-01-15 10:00:00.500'),
  synonyms(['microsecond', 'us', 'usec', 'microseconds'], 2000, "'2024-01-15 10:00:00'::TIMESTAMP", '2024-01-15 10:00:00.002'),
  synonyms(
    ['nanosecond', 'ns', 'nsec', 'nanosec', 'nsecond', 'nanoseconds', 'nanosecs', 'nseconds'],
    3000000,
    "'2024-01-15 10:00:00'::TIMESTAMP",
    '2024-01-15 10:00:00.003',
  ),
  {
    source: 'functions-date-time#label-supported-date-time-parts',
    sql: "SELECT DATEADD('YEAR', 1, '2024-01-15'::DATE), DATEADD('yy', 1, '2024-01-15'::DATE), DATEADD('Months', 1, '2024-01-15'::DATE), DATEADD('QTR', 1, '2024-01-15'::DATE)",
    rows: [['2025-01-15', '2025-01-15', '2024-02-15', '2024-04-15']],
  },
  {
    source: 'functions/dateadd',
    sql: "SELECT DATEADD(day, 1, 'not a date')",
    error: { code: '100035', message: "Timestamp 'not a date' is not recognized" },
  },
  {
    source: 'functions/dateadd',
    sql: "SELECT DATEADD(day, 1)",
    error: { code: '000938', message: 'not enough arguments for function [DATEADD]' },
  },

  // DATEDIFF / TIMEDIFF / TIMESTAMPDIFF
  {
    source: 'functions/datediff',
    sql: "SELECT DATEDIFF(year, '2020-04-09 14:39:20'::TIMESTAMP, '2023-05-08 23:39:20'::TIMESTAMP) AS diff_years",
    types: ['fixed'],
    rows: [[3]],
  },
  {
    source: 'functions/datediff',
    sql:
      "SELECT DATEDIFF(hour, '2023-05-08T23:39:20.123-07:00'::TIMESTAMP, " +
      "DATEADD(year, 2, ('2023-05-08T23:39:20.123-07:00')::TIMESTAMP)) AS diff_hours",
    rows: [[17544]],
  },
  {
    source: 'functions/datediff',
    sql:
      'SELECT column1 date_1, column2 date_2, DATEDIFF(year, column1, column2) diff_years, ' +
      'DATEDIFF(month, column1, column2) diff_months, DATEDIFF(day, column1, column2) diff_days, ' +
      'column2::DATE - column1::DATE AS diff_days_via_minus ' +
      "FROM VALUES ('2015-12-30', '2015-12-31'), ('2015-12-31', '2016-01-01'), ('2016-01-01', '2017-12-31'), ('2016-08-23', '2016-09-07')",
    rows: [
      ['2015-12-30', '2015-12-31', 0, 0, 1, 1],
      ['2015-12-31', '2016-01-01', 1, 1, 1, 1],
      ['2016-01-01', '2017-12-31', 1, 23, 730, 730],
      ['2016-08-23', '2016-09-07', 0, 1, 15, 15],
    ],
  },
  {
    source: 'functions/datediff',
    sql:
      'SELECT DATEDIFF(hour, column1, column2) diff_hours, DATEDIFF(minute, column1, column2) diff_minutes, ' +
      'DATEDIFF(second, column1, column2) diff_seconds ' +
      "FROM VALUES ('2016-01-01 01:59:59'::TIMESTAMP, '2016-01-01 02:00:00'::TIMESTAMP), " +
      "('2016-01-01 01:00:00'::TIMESTAMP, '2016-01-01 01:59:00'::TIMESTAMP), ('2016-01-01 01:00:59'::TIMESTAMP, '2016-01-01 02:00:00'::TIMESTAMP)",
    rows: [
      [1, 1, 1],
      [0, 59, 3540],
      [1, 60, 3541],
    ],
  },
  {
    source: 'functions/datediff',
    setup: WEEK_EXAMPLES,
    sql: `SELECT d "Date", DATEDIFF('week', '2017-01-01', d) "Weeks Diff from 2017-01-01 to Date" FROM week_examples ORDER BY d`,
    rows: [
      ['2016-12-30', 0],
      ['2016-12-31', 0],
      ['2017-01-01', 0],
      ['2017-01-02', 1],
      ['2017-01-03', 1],
      ['2017-01-04', 1],
      ['2017-01-05', 1],
      ['2017-12-30', 52],
      ['2017-12-31', 52],
    ],
  },
  {
    source: 'functions/datediff',
    sql: "SELECT DATEDIFF(month, '2024-11-28'::DATE, '2024-12-05'::DATE), DATEDIFF(day, '2024-11-28'::DATE, '2024-12-05'::DATE)",
    rows: [[1, 7]],
  },
  {
    source: 'functions/datediff',
    sql:
      "SELECT DATEDIFF(year, '2023-12-31', '2024-01-01'), DATEDIFF(quarter, '2024-03-31'::DATE, '2024-04-01'::DATE), " +
      "DATEDIFF(second, '2024-01-01 00:00:00.999'::TIMESTAMP, '2024-01-01 00:00:01'::TIMESTAMP)",
    rows: [[1, 1, 1]],
  },
  { source: 'functions/timediff', sql: "SELECT TIMEDIFF(YEAR, '2017-01-01', '2019-01-01') AS Years", rows: [[2]] },
  { source: 'functions/timediff', sql: "SELECT TIMEDIFF(MONTH, '2017-01-01', '2017-12-31') AS Months", rows: [[11]] },
  {
    source: 'functions/timestampdiff',
    setup: [
      'CREATE OR REPLACE TABLE timestampdiff_test (id INT, start_time TIMESTAMP, end_time TIMESTAMP)',
      "INSERT INTO timestampdiff_test (id, start_time, end_time) VALUES (1, '2023-01-01 08:00:00', '2023-01-01 10:30:00'), " +
        "(2, '2023-01-01 23:00:00', '2023-01-02 01:00:00'), (3, '2023-01-01 12:00:00', '2023-01-01 12:00:00'), " +
        "(4, '2023-01-02 10:00:00', '2023-01-01 10:00:00')",
    ],
    sql:
      'SELECT id, TIMESTAMPDIFF(HOUR, start_time, end_time) AS diff_hours, TIMESTAMPDIFF(MINUTE, start_time, end_time) AS diff_minutes, ' +
      'TIMESTAMPDIFF(SECOND, start_time, end_time) AS diff_seconds FROM timestampdiff_test ORDER BY id',
    rows: [
      [1, 2, 150, 9000],
      [2, 2, 120, 7200],
      [3, 0, 0, 0],
      [4, -24, -1440, -86400],
    ],
  },
  { source: 'functions/datediff', sql: "SELECT DATEDIFF(day, 'x', 'y')", error: { code: '100035', message: "is not recognized" } },

  // DATE_TRUNC and TRUNC
  {
    source: 'functions/date_trunc',
    setup: TRUNC_TABLE,
    sql:
      'SELECT mydate AS "DATE", DATE_TRUNC(\'year\', mydate) AS "TRUNCATED TO YEAR", DATE_TRUNC(\'month\', mydate) AS "TRUNCATED TO MONTH", ' +
      'DATE_TRUNC(\'week\', mydate) AS "TRUNCATED TO WEEK", DATE_TRUNC(\'day\', mydate) AS "TRUNCATED TO DAY" FROM test_date_trunc',
    types: ['date', 'date', 'date', 'date', 'date'],
    rows: [['2024-05-09', '2024-01-01', '2024-05-01', '2024-05-06', '2024-05-09']],
  },
  {
    source: 'functions/date_trunc',
    setup: TRUNC_TABLE,
    sql: 'SELECT mytime AS "TIME", DATE_TRUNC(\'minute\', mytime) AS "TRUNCATED TO MINUTE" FROM test_date_trunc',
    types: ['time', 'time'],
    rows: [['08:50:48', '08:50:00']],
  },
  {
    source: 'functions/date_trunc',
    setup: TRUNC_TABLE,
    sql:
      'SELECT mytimestamp AS "TIMESTAMP", DATE_TRUNC(\'hour\', mytimestamp) AS "TRUNCATED TO HOUR", ' +
      'DATE_TRUNC(\'minute\', mytimestamp) AS "TRUNCATED TO MINUTE", DATE_TRUNC(\'second\', mytimestamp) AS "TRUNCATED TO SECOND" FROM test_date_trunc',
    rows: [['2024-05-09 08:50:57.891', '2024-05-09 08:00:00.000', '2024-05-09 08:50:00.000', '2024-05-09 08:50:57.000']],
  },
  {
    source: 'functions/date_trunc',
    setup: TRUNC_TABLE,
    sql: 'SELECT DATE_TRUNC(\'quarter\', mytimestamp) AS "TRUNCATED", EXTRACT(\'quarter\', mytimestamp) AS "EXTRACTED" FROM test_date_trunc',
    rows: [['2024-04-01 00:00:00.000', 2]],
  },
  {
    source: 'functions/date_trunc',
    setup: [
      'CREATE OR REPLACE TABLE test_date_trunc (mydate DATE, mytime TIME, mytimestamp TIMESTAMP)',
      "INSERT INTO test_date_trunc VALUES ('2024-05-09', '08:50:48', '2024-05-09 08:50:57.891 -0700')",
    ],
    sql: 'SELECT mytimestamp, DATE_TRUNC(\'hour\', mytimestamp) FROM test_date_trunc',
    rows: [['2024-05-09 08:50:57.891', '2024-05-09 08:00:00.000']],
    knownGap: 'a timestamp text with a space before its UTC offset is not read',
  },
  {
    source: 'functions/date_trunc',
    setup: WEEK_EXAMPLES,
    sql: `SELECT d "Date", DATE_TRUNC('week', d) "Trunc Date" FROM week_examples ORDER BY d`,
    rows: [
      ['2016-12-30', '2016-12-26'],
      ['2016-12-31', '2016-12-26'],
      ['2017-01-01', '2016-12-26'],
      ['2017-01-02', '2017-01-02'],
      ['2017-01-03', '2017-01-02'],
      ['2017-01-04', '2017-01-02'],
      ['2017-01-05', '2017-01-02'],
      ['2017-12-30', '2017-12-25'],
      ['2017-12-31', '2017-12-25'],
    ],
  },
  {
    source: 'functions/date_trunc',
    sql: "SELECT DATE_TRUNC(month, '2024-05-09 10:00:00'::TIMESTAMP_LTZ), DATE_TRUNC(yy, '2024-05-09'::DATE)",
    types: ['timestamp_ltz', 'date'],
    rows: [['2024-05-01 00:00:00.000 +0000', '2024-01-01']],
  },
  {
    source: 'functions/trunc2',
    setup: TRUNC_TABLE,
    sql:
      'SELECT mydate AS "DATE", TRUNC(mydate, \'year\') AS "TRUNCATED TO YEAR", TRUNC(mydate, \'month\') AS "TRUNCATED TO MONTH", ' +
      'TRUNC(mydate, \'day\') AS "TRUNCATED TO DAY" FROM test_date_trunc',
    rows: [['2024-05-09', '2024-01-01', '2024-05-01', '2024-05-09']],
  },
  {
    source: 'functions/trunc2',
    setup: TRUNC_TABLE,
    sql: 'SELECT mytime AS "TIME", TRUNC(mytime, \'minute\') AS "TRUNCATED TO MINUTE" FROM test_date_trunc',
    rows: [['08:50:48', '08:50:00']],
  },
  {
    source: 'functions/trunc2',
    setup: TRUNC_TABLE,
    sql: 'SELECT TRUNC(mytimestamp, \'quarter\') AS "TRUNCATED", EXTRACT(\'quarter\', mytimestamp) AS "EXTRACTED" FROM test_date_trunc',
    rows: [['2024-04-01 00:00:00.000', 2]],
  },

  // DATE_PART / EXTRACT
  {
    source: 'functions/date_part',
    sql:
      "SELECT DATE_PART(year, '2024-04-08T23:39:20.123-07:00'::TIMESTAMP), DATE_PART(epoch_second, '2024-04-08T23:39:20.123-07:00'::TIMESTAMP), " +
      "DATE_PART(epoch_millisecond, '2024-04-08T23:39:20.123-07:00'::TIMESTAMP)",
    rows: [[2024, 1712619560, 1712619560123]],
  },
  { source: 'functions/date_part', sql: "SELECT DATE_PART(quarter, '2024-04-08'::DATE)", types: ['fixed'], rows: [[2]] },
  {
    source: 'functions/date_part',
    sql: `SELECT '2024-04-08T23:39:20.123-07:00'::TIMESTAMP AS "TIME_STAMP1", DATE_PART(year, "TIME_STAMP1") AS "EXTRACTED YEAR"`,
    rows: [['2024-04-08 23:39:20.123', 2024]],
  },
  {
    source: 'functions/date_part',
    sql: `SELECT '2024-04-08T23:39:20.123-07:00'::TIMESTAMP AS "TIME_STAMP1", DATE_PART(epoch_second, "TIME_STAMP1") AS "EXTRACTED EPOCH SECOND"`,
    rows: [['2024-04-08 23:39:20.123', 1712619560]],
  },
  {
    source: 'functions/date_part',
    sql: `SELECT '2024-04-08T23:39:20.123-07:00'::TIMESTAMP AS "TIME_STAMP1", DATE_PART(epoch_millisecond, "TIME_STAMP1") AS "EXTRACTED EPOCH MILLISECOND"`,
    rows: [['2024-04-08 23:39:20.123', 1712619560123]],
  },
  {
    source: 'functions/date_part',
    sql:
      "SELECT DATE_PART(dayofweek, '2016-01-02'::DATE), DATE_PART(dayofweekiso, '2016-01-02'::DATE), DATE_PART(dayofyear, '2016-01-02'::DATE), " +
      "DATE_PART(week, '2016-01-02'::DATE), DATE_PART(weekiso, '2016-01-02'::DATE), DATE_PART(yearofweek, '2016-01-02'::DATE), " +
      "DATE_PART(yearofweekiso, '2016-01-02'::DATE)",
    rows: [[6, 6, 2, 53, 53, 2015, 2015]],
  },
  {
    source: 'functions/date_part',
    sql:
      "SELECT DATE_PART(nanosecond, '2024-04-08 23:39:20.123'::TIMESTAMP), DATE_PART('epoch', '1970-01-02'::DATE), " +
      "DATE_PART(epoch_microsecond, '1970-01-01 00:00:01'::TIMESTAMP), DATE_PART(tzh, '2024-04-08 23:39:20'::TIMESTAMP)",
    rows: [[123000000, 86400, 1000000, 0]],
  },
  {
    source: 'functions/extract',
    sql: "SELECT EXTRACT(year FROM '2024-04-10T23:39:20.123-07:00'::TIMESTAMP) AS YEAR",
    columns: ['YEAR'],
    rows: [[2024]],
  },
  {
    source: 'functions/extract',
    sql: "SELECT EXTRACT(month FROM '2024-04-10'::DATE), EXTRACT('dw' FROM '2024-04-14'::DATE), EXTRACT(hour FROM '10:20:30'::TIME)",
    rows: [[4, 0, 10]],
  },

  // YEAR* / DAY* / WEEK* / MONTH / QUARTER, HOUR / MINUTE / SECOND
  {
    source: 'functions/year',
    setup: ["CREATE OR REPLACE TABLE tstamps AS SELECT '2025-04-11T23:39:20.123-07:00'::TIMESTAMP AS tstamp"],
    sql:
      'SELECT tstamp, YEAR(tstamp) AS "YEAR", QUARTER(tstamp) AS "QUARTER OF YEAR", MONTH(tstamp) AS "MONTH", DAY(tstamp) AS "DAY", ' +
      'DAYOFMONTH(tstamp) AS "DAY OF MONTH", DAYOFYEAR(tstamp) AS "DAY OF YEAR" FROM tstamps',
    types: ['timestamp_ntz', 'fixed', 'fixed', 'fixed', 'fixed', 'fixed', 'fixed'],
    rows: [['2025-04-11 23:39:20.123', 2025, 2, 4, 11, 11, 101]],
  },
  {
    source: 'functions/year',
    sql:
      "SELECT '2025-04-11T23:39:20.123-07:00'::TIMESTAMP AS tstamp, YEAR(tstamp) AS \"YEAR\", QUARTER(tstamp) AS \"QUARTER OF YEAR\", " +
      'MONTH(tstamp) AS "MONTH", DAY(tstamp) AS "DAY", DAYOFMONTH(tstamp) AS "DAY OF MONTH", DAYOFYEAR(tstamp) AS "DAY OF YEAR"',
    rows: [['2025-04-11 23:39:20.123', 2025, 2, 4, 11, 11, 101]],
  },
  {
    source: 'functions/year',
    sql:
      "SELECT '2016-01-02T23:39:20.123-07:00'::TIMESTAMP AS tstamp, WEEK(tstamp) AS \"WEEK\", WEEKISO(tstamp) AS \"WEEK ISO\", " +
      'WEEKOFYEAR(tstamp) AS "WEEK OF YEAR", YEAROFWEEK(tstamp) AS "YEAR OF WEEK", YEAROFWEEKISO(tstamp) AS "YEAR OF WEEK ISO"',
    rows: [['2016-01-02 23:39:20.123', 53, 53, 53, 2015, 2015]],
  },
  {
    source: 'functions/year',
    sql: "SELECT '2016-01-02T23:39:20.123-07:00'::TIMESTAMP AS tstamp, DAYOFWEEK(tstamp) AS \"DAY OF WEEK\", DAYOFWEEKISO(tstamp) AS \"DAY OF WEEK ISO\"",
    rows: [['2016-01-02 23:39:20.123', 6, 6]],
  },
  {
    source: 'functions/year',
    sql: "SELECT DAYOFWEEK('2017-01-01'::DATE), DAYOFWEEKISO('2017-01-01'::DATE), YEAR('2013-05-08'), MONTH(NULL)",
    rows: [[0, 7, 2013, null]],
  },
  {
    source: 'functions-date-time#label-calendar-weeks-weekdays',
    setup: WEEK_EXAMPLES,
    sql:
      'SELECT d "Date", DAYNAME(d) "Day", DAYOFWEEK(d) "DOW", DATE_TRUNC(\'week\', d) "Trunc Date", DAYNAME("Trunc Date") "Trunc Day", ' +
      'LAST_DAY(d, \'week\') "Last DOW Date", DAYNAME("Last DOW Date") "Last DOW Day", ' +
      'DATEDIFF(\'week\', \'2017-01-01\', d) "Weeks Diff from 2017-01-01 to Date" FROM week_examples ORDER BY d',
    rows: [
      ['2016-12-30', 'Fri', 5, '2016-12-26', 'Mon', '2017-01-01', 'Sun', 0],
      ['2016-12-31', 'Sat', 6, '2016-12-26', 'Mon', '2017-01-01', 'Sun', 0],
      ['2017-01-01', 'Sun', 0, '2016-12-26', 'Mon', '2017-01-01', 'Sun', 0],
      ['2017-01-02', 'Mon', 1, '2017-01-02', 'Mon', '2017-01-08', 'Sun', 1],
      ['2017-01-03', 'Tue', 2, '2017-01-02', 'Mon', '2017-01-08', 'Sun', 1],
      ['2017-01-04', 'Wed', 3, '2017-01-02', 'Mon', '2017-01-08', 'Sun', 1],
      ['2017-01-05', 'Thu', 4, '2017-01-02', 'Mon', '2017-01-08', 'Sun', 1],
      ['2017-12-30', 'Sat', 6, '2017-12-25', 'Mon', '2017-12-31', 'Sun', 52],
      ['2017-12-31', 'Sun', 0, '2017-12-25', 'Mon', '2017-12-31', 'Sun', 52],
    ],
  },
  {
    source: 'functions-date-time#label-calendar-weeks-weekdays',
    setup: WEEK_EXAMPLES,
    sql: 'SELECT d "Date", DAYNAME(d) "Day", WEEK(d) "WOY", WEEKISO(d) "WOY (ISO)", YEAROFWEEK(d) "YOW", YEAROFWEEKISO(d) "YOW (ISO)" FROM week_examples ORDER BY d',
    rows: [
      ['2016-12-30', 'Fri', 52, 52, 2016, 2016],
      ['2016-12-31', 'Sat', 52, 52, 2016, 2016],
      ['2017-01-01', 'Sun', 52, 52, 2016, 2016],
      ['2017-01-02', 'Mon', 1, 1, 2017, 2017],
      ['2017-01-03', 'Tue', 1, 1, 2017, 2017],
      ['2017-01-04', 'Wed', 1, 1, 2017, 2017],
      ['2017-01-05', 'Thu', 1, 1, 2017, 2017],
      ['2017-12-30', 'Sat', 52, 52, 2017, 2017],
      ['2017-12-31', 'Sun', 52, 52, 2017, 2017],
    ],
  },
  {
    source: 'functions/hour-minute-second',
    setup: ["CREATE OR REPLACE TABLE TEMP_TABLE AS SELECT '2013-05-08T23:39:20.123-07:00'::TIMESTAMP AS TSTAMP"],
    sql: 'SELECT TSTAMP, HOUR(tstamp) AS "HOUR", MINUTE(tstamp) AS "MINUTE", SECOND(tstamp) AS "SECOND" FROM TEMP_TABLE',
    types: ['timestamp_ntz', 'fixed', 'fixed', 'fixed'],
    rows: [['2013-05-08 23:39:20.123', 23, 39, 20]],
  },
  { source: 'functions/hour-minute-second', sql: "SELECT HOUR('08:15:42'::TIME), MINUTE('08:15:42'), SECOND('08:15:42'::TIME)", rows: [[8, 15, 42]] },

  // DAYNAME / MONTHNAME
  { source: 'functions/dayname', sql: "SELECT DAYNAME('2024-04-01'::DATE) AS DAY", types: ['text'], rows: [['Mon']] },
  { source: 'functions/dayname', sql: "SELECT DAYNAME('2024-04-02 10:00'::TIMESTAMP_NTZ) AS DAY", rows: [['Tue']] },
  {
    source: 'functions/dayname',
    setup: [
      'CREATE OR REPLACE TABLE dates (d DATE)',
      "INSERT INTO dates (d) VALUES ('2024-01-01'::DATE), ('2024-01-02'::DATE), ('2024-01-03'::DATE), ('2024-01-04'::DATE), " +
        "('2024-01-05'::DATE), ('2024-01-06'::DATE), ('2024-01-07'::DATE), ('2024-01-08'::DATE)",
    ],
    sql: 'SELECT d, DAYNAME(d) FROM dates ORDER BY d',
    rows: [
      ['2024-01-01', 'Mon'],
      ['2024-01-02', 'Tue'],
      ['2024-01-03', 'Wed'],
      ['2024-01-04', 'Thu'],
      ['2024-01-05', 'Fri'],
      ['2024-01-06', 'Sat'],
      ['2024-01-07', 'Sun'],
      ['2024-01-08', 'Mon'],
    ],
  },
  { source: 'functions/monthname', sql: "SELECT MONTHNAME('2015-05-01'::DATE) AS MONTH", rows: [['May']] },
  { source: 'functions/monthname', sql: "SELECT MONTHNAME('2015-04-03 10:00'::TIMESTAMP) AS MONTH", rows: [['Apr']] },
  {
    source: 'functions/monthname',
    setup: [
      'CREATE OR REPLACE TABLE dates (d DATE)',
      "INSERT INTO dates (d) VALUES ('2015-01-01'), ('2015-02-01'), ('2015-03-01'), ('2015-04-01'), ('2015-05-01'), ('2015-06-01'), " +
        "('2015-07-01'), ('2015-08-01'), ('2015-09-01'), ('2015-10-01'), ('2015-11-01'), ('2015-12-01')",
    ],
    sql: 'SELECT MONTHNAME(d) FROM dates ORDER BY d',
    rows: [['Jan'], ['Feb'], ['Mar'], ['Apr'], ['May'], ['Jun'], ['Jul'], ['Aug'], ['Sep'], ['Oct'], ['Nov'], ['Dec']],
  },

  // LAST_DAY
  {
    source: 'functions/last_day',
    sql: `SELECT '2015-05-08T23:39:20.123-07:00'::DATE AS "DATE", LAST_DAY("DATE") AS "LAST DAY OF MONTH"`,
    types: ['date', 'date'],
    rows: [['2015-05-08', '2015-05-31']],
  },
  {
    source: 'functions/last_day',
    sql: `SELECT '2015-05-08T23:39:20.123-07:00'::DATE AS "DATE", LAST_DAY("DATE", 'YEAR') AS "LAST DAY OF YEAR"`,
    rows: [['2015-05-08', '2015-12-31']],
  },
  {
    source: 'functions/last_day',
    sql: "SELECT LAST_DAY('2024-05-09'::DATE, 'quarter'), LAST_DAY('2024-02-10 10:00'::TIMESTAMP), LAST_DAY('2024-05-09'::DATE, mon)",
    types: ['date', 'date', 'date'],
    rows: [['2024-06-30', '2024-02-29', '2024-05-31']],
  },

  // TIME_SLICE
  {
    source: 'functions/time_slice',
    sql: "SELECT TIME_SLICE('2019-02-28'::DATE, 4, 'MONTH', 'START'), TIME_SLICE('2019-02-28'::DATE, 4, 'MONTH', 'END')",
    types: ['date', 'date'],
    rows: [['2019-01-01', '2019-05-01']],
  },
  {
    source: 'functions/time_slice',
    sql:
      `SELECT '2019-02-28'::DATE AS "DATE", TIME_SLICE("DATE", 4, 'MONTH', 'START') AS "START OF SLICE", ` +
      `TIME_SLICE("DATE", 4, 'MONTH', 'END') AS "END OF SLICE"`,
    types: ['date', 'date', 'date'],
    rows: [['2019-02-28', '2019-01-01', '2019-05-01']],
  },
  {
    source: 'functions/time_slice',
    sql:
      `SELECT '2019-02-28T01:23:45.678'::TIMESTAMP_NTZ AS "TIMESTAMP 1", '2019-02-28T12:34:56.789'::TIMESTAMP_NTZ AS "TIMESTAMP 2", ` +
      `TIME_SLICE("TIMESTAMP 1", 8, 'HOUR') AS "SLICE FOR TIMESTAMP 1", TIME_SLICE("TIMESTAMP 2", 8, 'HOUR') AS "SLICE FOR TIMESTAMP 2"`,
    types: ['timestamp_ntz', 'timestamp_ntz', 'timestamp_ntz', 'timestamp_ntz'],
    rows: [['2019-02-28 01:23:45.678', '2019-02-28 12:34:56.789', '2019-02-28 00:00:00.000', '2019-02-28 08:00:00.000']],
  },
  {
    source: 'functions/time_slice',
    sql: "SELECT TIME_SLICE('2024-05-09 10:17:00'::TIMESTAMP, 15, 'MINUTE', 'END'), TIME_SLICE('2024-05-09'::DATE, 1, 'YEAR')",
    rows: [['2024-05-09 10:30:00.000', '2024-01-01']],
  },

  // DATE_FROM_PARTS / TIME_FROM_PARTS / TIMESTAMP_FROM_PARTS
  { source: 'functions/date_from_parts', sql: 'SELECT DATE_FROM_PARTS(1977, 8, 7)', types: ['date'], rows: [['1977-08-07']] },
  {
    source: 'functions/date_from_parts',
    sql: 'SELECT DATE_FROM_PARTS(2010, 1, 100), DATE_FROM_PARTS(2010, 1 + 24, 1)',
    rows: [['2010-04-10', '2012-01-01']],
  },
  {
    source: 'functions/date_from_parts',
    sql: 'SELECT DATE_FROM_PARTS(2004, 1, 1), DATE_FROM_PARTS(2004, 0, 1), DATE_FROM_PARTS(2004, -1, 1)',
    rows: [['2004-01-01', '2003-12-01', '2003-11-01']],
  },
  {
    source: 'functions/date_from_parts',
    sql: 'SELECT DATE_FROM_PARTS(2004, 2, 1), DATE_FROM_PARTS(2004, 2, 0), DATE_FROM_PARTS(2004, 2, -1), DATE_FROM_PARTS(2004, 13, 1)',
    rows: [['2004-02-01', '2004-01-31', '2004-01-30', '2005-01-01']],
  },
  { source: 'functions/time_from_parts', sql: 'SELECT TIME_FROM_PARTS(12, 34, 56, 987654321)', types: ['time'], rows: [['12:34:56']] },
  {
    source: 'functions/time_from_parts',
    sql: 'SELECT TIME_FROM_PARTS(0, 100, 0), TIME_FROM_PARTS(12, 0, 12345)',
    rows: [['01:40:00', '15:25:45']],
  },
  {
    source: 'functions/timestamp_from_parts',
    sql: 'SELECT TIMESTAMP_FROM_PARTS(2013, 4, 5, 12, 00, 00), TIMESTAMP_FROM_PARTS(2013, 4, 5, 12, 0, -3600)',
    types: ['timestamp_ntz', 'timestamp_ntz'],
    rows: [['2013-04-05 12:00:00.000', '2013-04-05 11:00:00.000']],
  },
  {
    source: 'functions/timestamp_from_parts',
    sql: "SELECT TIMESTAMP_NTZ_FROM_PARTS('2013-04-05'::DATE, '12:00:00'::TIME), TIMESTAMP_NTZ_FROM_PARTS(2013, 4, 5, 12, 00, 00, 987654321)",
    rows: [['2013-04-05 12:00:00.000', '2013-04-05 12:00:00.987']],
  },
  {
    source: 'functions/timestamp_from_parts',
    sql: 'SELECT TIMESTAMP_LTZ_FROM_PARTS(2013, 4, 5, 12, 00, 00), TIMESTAMP_TZ_FROM_PARTS(2013, 4, 5, 12, 00, 00)',
    rows: [['2013-04-05 12:00:00.000 +0000', '2013-04-05 12:00:00.000 +0000']],
  },
  {
    source: 'functions/timestamp_from_parts',
    sql: "SELECT TIMESTAMP_TZ_FROM_PARTS(2013, 4, 5, 12, 00, 00, 0, 'America/Los_Angeles')",
    rows: [['2013-04-05 12:00:00.000 -0700']],
    knownGap: 'TIMESTAMP_TZ keeps no time zone of its own: shown on the session clock',
  },
  {
    source: 'functions/timestamp_from_parts',
    sql: "SELECT TIMESTAMP_TZ_FROM_PARTS(2013, 4, 5, 12, 00, 00, 0, 'America/Los_Angeles') = TIMESTAMP_TZ_FROM_PARTS(2013, 4, 5, 19, 00, 00, 0, 'UTC')",
    rows: [[true]],
  },

  // CONVERT_TIMEZONE
  {
    source: 'functions/convert_timezone',
    sql: "SELECT CONVERT_TIMEZONE('America/Los_Angeles', 'America/New_York', '2024-01-01 14:00:00'::TIMESTAMP_NTZ) AS conv",
    types: ['timestamp_ntz'],
    rows: [['2024-01-01 17:00:00.000']],
  },
  {
    source: 'functions/convert_timezone',
    sql: "SELECT CONVERT_TIMEZONE('Europe/Warsaw', 'UTC', '2024-01-01 00:00:00'::TIMESTAMP_NTZ) AS conv",
    rows: [['2023-12-31 23:00:00.000']],
  },
  {
    source: 'functions/convert_timezone',
    sql: "SELECT CONVERT_TIMEZONE('America/Los_Angeles', '2024-04-05 12:00:00 +02:00') AS time_in_la",
    rows: [['2024-04-05 03:00:00.000 -0700']],
    knownGap: 'TIMESTAMP_TZ keeps no time zone of its own: shown on the session clock',
  },
  {
    source: 'functions/convert_timezone',
    sql: "SELECT CONVERT_TIMEZONE('UTC', '2024-04-05 12:00:00 +02:00') AS time_in_utc",
    rows: [['2024-04-05 10:00:00.000 +0000']],
  },
  {
    source: 'functions/convert_timezone',
    sql: "SELECT CONVERT_TIMEZONE('America/Los_Angeles', '2024-04-05 12:00:00 +02:00') = TIMESTAMP_TZ_FROM_PARTS(2024, 4, 5, 3, 0, 0, 0, 'America/Los_Angeles')",
    rows: [[true]],
  },
  {
    source: 'functions/convert_timezone',
    sql: "SELECT CONVERT_TIMEZONE('America/Los_Angeles', 'UTC', '2024-04-05 12:00:00+02:00'::TIMESTAMP_TZ) AS time_in_la",
    error: { code: '001044', message: "Invalid argument types for function 'CONVERT_TIMEZONE'" },
  },

  // ADD_MONTHS
  {
    source: 'functions/add_months',
    sql: "SELECT ADD_MONTHS('2016-05-15'::timestamp_ntz, 2) AS RESULT",
    types: ['timestamp_ntz'],
    rows: [['2016-07-15 00:00:00.000']],
  },
  { source: 'functions/add_months', sql: "SELECT ADD_MONTHS('2016-02-29'::date, 1) AS RESULT", types: ['date'], rows: [['2016-03-31']] },
  { source: 'functions/add_months', sql: "SELECT ADD_MONTHS('2016-05-31'::date, -1) AS RESULT", rows: [['2016-04-30']] },
  {
    source: 'functions/add_months',
    sql: "SELECT ADD_MONTHS('2023-01-31'::DATE, 1), DATEADD(month, 1, '2023-01-31'::DATE), ADD_MONTHS('2023-02-28'::DATE, 1), DATEADD(month, 1, '2023-02-28'::DATE)",
    rows: [['2023-02-28', '2023-02-28', '2023-03-31', '2023-03-28']],
  },

  // NEXT_DAY / PREVIOUS_DAY
  {
    source: 'functions/next_day',
    sql: `SELECT '2025-05-01'::DATE AS "Today's Date", NEXT_DAY("Today's Date", 'Friday ') AS "Next Friday"`,
    types: ['date', 'date'],
    rows: [['2025-05-01', '2025-05-02']],
  },
  {
    source: 'functions/previous_day',
    setup: [`CREATE OR REPLACE TABLE TEMP_TABLE AS SELECT DATE '2025-05-01' AS "Today's Date"`],
    sql: `SELECT "Today's Date", PREVIOUS_DAY("Today's Date", 'Friday ') AS "Previous Friday" FROM TEMP_TABLE`,
    rows: [['2025-05-01', '2025-04-25']],
  },
  {
    source: 'functions/next_day',
    sql: "SELECT NEXT_DAY('2025-05-02'::DATE, 'fr'), PREVIOUS_DAY('2025-05-02'::DATE, 'FRI'), NEXT_DAY('2025-05-02 23:00'::TIMESTAMP, 'su')",
    rows: [['2025-05-09', '2025-04-25', '2025-05-04']],
  },

  // MONTHS_BETWEEN
  {
    source: 'functions/months_between',
    sql: "SELECT MONTHS_BETWEEN('2019-03-15'::DATE, '2019-02-15'::DATE) AS MonthsBetween1, MONTHS_BETWEEN('2019-03-31'::DATE, '2019-02-28'::DATE) AS MonthsBetween2",
    rows: [[1, 1]],
  },
  {
    source: 'functions/months_between',
    sql:
      "SELECT MONTHS_BETWEEN('2019-03-01'::DATE, '2019-02-15'::DATE) AS MonthsBetween1, " +
      "MONTHS_BETWEEN('2019-03-01 02:00:00'::TIMESTAMP, '2019-02-15 01:00:00'::TIMESTAMP) AS MonthsBetween2, " +
      "MONTHS_BETWEEN('2019-02-15 02:00:00'::TIMESTAMP, '2019-02-15 01:00:00'::TIMESTAMP) AS MonthsBetween3",
    types: ['fixed', 'fixed', 'fixed'],
    rows: [[0.548387, 0.549731, 0]],
  },
  {
    source: 'functions/months_between',
    sql:
      "SELECT MONTHS_BETWEEN('2019-03-28'::DATE, '2019-02-28'::DATE) AS MonthsBetween1, MONTHS_BETWEEN('2019-03-30'::DATE, '2019-02-28'::DATE) AS MonthsBetween2, " +
      "MONTHS_BETWEEN('2019-03-31'::DATE, '2019-02-28'::DATE) AS MonthsBetween3",
    rows: [[1, 1.064516, 1]],
  },
  {
    source: 'functions/months_between',
    sql: "SELECT MONTHS_BETWEEN('2019-03-01'::DATE, '2019-02-01'::DATE) AS MonthsBetween1, MONTHS_BETWEEN('2019-02-01'::DATE, '2019-03-01'::DATE) AS MonthsBetween2",
    rows: [[1, -1]],
  },
];
