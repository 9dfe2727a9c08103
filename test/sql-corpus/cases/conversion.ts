import type { Category } from '../corpus-case';

/** The to_char page's numbers; its output shows them with three decimals, so the column is NUMBER(38,3). */
const NUMBERS_TO_STRINGS = [
  'CREATE OR REPLACE TABLE convert_numbers_to_strings(column1 NUMBER(38,3))',
  'INSERT INTO convert_numbers_to_strings VALUES (-12.391), (0), (-1), (0.10), (0.01), (3987), (1.111)',
];
const NUMBER_CONV = ['CREATE OR REPLACE TABLE number_conv(expr VARCHAR)', "INSERT INTO number_conv VALUES ('12.3456'), ('98.76546')"];
const SAMPLE_NUMBERS = [
  'create table sample_numbers (f float)',
  'insert into sample_numbers (f) values (1.2), (123.456), (1234.56), (-123456.789)',
];
const EPOCH_STRINGS = [
  'CREATE OR REPLACE TABLE demo1 (description VARCHAR, value VARCHAR)',
  "INSERT INTO demo1 (description, value) VALUES ('Seconds', '31536000'), ('Milliseconds', '31536000000'), ('Microseconds', '31536000000000'), ('Nanoseconds', '31536000000000000')",
];
const CAST_TABLE = 'CREATE OR REPLACE TABLE test_data_type_conversion (varchar_value VARCHAR, number_value NUMBER(5, 4), timestamp_value TIMESTAMP)';
/** The cast page's row; the casts below read it with the timestamp written without its offset (see the known gap). */
const CAST_DATA = [CAST_TABLE, "INSERT INTO test_data_type_conversion VALUES ('9.8765', 1.2345, '2024-05-09 14:32:29.135')"];
const TEST_BOOLEAN = [
  'CREATE OR REPLACE TABLE test_boolean(b BOOLEAN, n NUMBER, s STRING)',
  "INSERT INTO test_boolean VALUES (true, 1, 'yes'), (false, 0, 'no'), (null, null, null)",
];
const TEST_TEXT = [
  'CREATE OR REPLACE TABLE test_text(vd VARCHAR, v50 VARCHAR(50), cd CHAR, c10 CHAR(10), sd STRING, s20 STRING(20), td TEXT, t30 TEXT(30))',
];
const FORMAT1 = ['create table format1 (v varchar, i integer)', "insert into format1 (v) values ('-101'), ('102-'), ('103')"];

export const conversion: Category = [
  // TO_BOOLEAN
  { source: 'functions/to_boolean', sql: "SELECT TO_BOOLEAN('yes'), TO_BOOLEAN('Off'), TO_BOOLEAN(NULL)", rows: [[true, false, null]] },
  { source: 'functions/to_boolean', sql: "SELECT TO_BOOLEAN('maybe')", error: { code: '100037', message: "Boolean value 'maybe' is not recognized" } },
  { source: 'functions/to_boolean', setup: TEST_BOOLEAN, sql: 'SELECT s, TO_BOOLEAN(s) FROM test_boolean', unordered: true, rows: [['yes', true], ['no', false], [null, null]] },
  { source: 'functions/to_boolean', setup: TEST_BOOLEAN, sql: 'SELECT n, TO_BOOLEAN(n) FROM test_boolean', unordered: true, rows: [[1, true], [0, false], [null, null]] },
  { source: 'functions/to_boolean', sql: "SELECT TO_BOOLEAN(-2.5), TRY_TO_BOOLEAN('maybe'), 'on'::BOOLEAN", rows: [[true, null, true]] },

  // TO_DECIMAL / TO_NUMBER / TO_NUMERIC
  {
    source: 'functions/to_decimal',
    setup: NUMBER_CONV,
    sql: 'SELECT expr, TO_NUMBER(expr), TO_NUMBER(expr, 10, 1), TO_NUMBER(expr, 10, 8) FROM number_conv',
    unordered: true,
    rows: [
      ['12.3456', 12, 12.3, 12.3456],
      ['98.76546', 99, 98.8, 98.76546],
    ],
    types: ['text', 'fixed', 'fixed', 'fixed'],
  },
  {
    source: 'functions/to_decimal',
    setup: NUMBER_CONV,
    sql: 'SELECT expr, TO_NUMBER(expr, 10, 9) FROM number_conv',
    error: { code: '100039', message: /^Numeric value '(12\.3456|98\.76546)' is out of range$/ },
  },
  {
    source: 'functions/to_decimal',
    sql: "SELECT column1, TO_DECIMAL(column1, '99.9') as D0, TO_DECIMAL(column1, '99.9', 9, 5) as D5, TO_DECIMAL(column1, 'TM9', 9, 5) as TD5 FROM VALUES ('1.0'), ('-12.3'), ('0.0'), ('- 0.1')",
    rows: [
      ['1.0', 1, 1, 1],
      ['-12.3', -12, -12.3, -12.3],
      ['0.0', 0, 0, 0],
      ['- 0.1', 0, -0.1, -0.1],
    ],
  },
  { source: 'functions/to_decimal', sql: "SELECT column1, TO_DECIMAL(column1, '9,999.99', 6, 2) as convert_number FROM VALUES ('3,741.72')", rows: [['3,741.72', 3741.72]] },
  { source: 'functions/to_decimal', sql: "SELECT column1, TO_DECIMAL(column1, '$9,999.99', 6, 2) as convert_currency FROM VALUES ('$3,741.72')", rows: [['$3,741.72', 3741.72]] },
  { source: 'functions/to_decimal', sql: "SELECT TO_DECIMAL('ae5', 'XXX')", rows: [[2789]] },
  { source: 'functions/to_decimal', sql: "SELECT TO_DECIMAL('ae5', 'XX')", error: { code: '100140', message: "Can't parse 'ae5' as number with format 'XX'" } },
  {
    source: 'functions/try_to_decimal',
    sql: 'SELECT column1 AS orig_string, TO_DECIMAL(column1) AS dec, TO_DECIMAL(column1, 10, 2) AS dec_with_scale, TO_DECIMAL(column1, 4, 2) AS dec_with_range_err FROM VALUES (\'345.123\')',
    error: { code: '100039', message: "Numeric value '345.123' is out of range" },
  },
  {
    source: 'functions/try_to_decimal',
    sql: "SELECT column1 AS orig_string, TRY_TO_DECIMAL(column1) AS dec, TRY_TO_DECIMAL(column1, 10, 2) AS dec_with_scale, TRY_TO_DECIMAL(column1, 4, 2) AS dec_with_range_err FROM VALUES ('345.123')",
    rows: [['345.123', 345, 345.12, null]],
    columns: ['ORIG_STRING', 'DEC', 'DEC_WITH_SCALE', 'DEC_WITH_RANGE_ERR'],
  },
  {
    source: 'functions/try_to_decimal',
    sql: "SELECT column1 AS orig_string, TO_DECIMAL(column1, '$9,999.00') AS num, TO_DECIMAL(column1, '$9,999.00', 6, 2) AS num_with_scale, TO_DECIMAL(column1, 6, 2) AS num_with_format_err FROM VALUES ('$7,543.21')",
    error: { code: '100038', message: "Numeric value '$7,543.21' is not recognized" },
  },
  {
    source: 'functions/try_to_decimal',
    sql: "SELECT column1 AS orig_string, TRY_TO_DECIMAL(column1, '$9,999.00') AS num, TRY_TO_DECIMAL(column1, '$9,999.00', 6, 2) AS num_with_scale, TRY_TO_DECIMAL(column1, 6, 2) AS num_with_format_err FROM VALUES ('$7,543.21')",
    rows: [['$7,543.21', 7543, 7543.21, null]],
  },
  { source: 'functions/try_to_decimal', sql: "SELECT column1 AS orig_string, TO_DECIMAL(column1) AS num FROM VALUES ('aaa')", error: { code: '100038', message: "Numeric value 'aaa' is not recognized" } },
  { source: 'functions/try_to_decimal', sql: "SELECT column1 AS orig_string, TRY_TO_DECIMAL(column1) AS num FROM VALUES ('aaa')", rows: [['aaa', null]] },
  {
    source: 'functions/try_to_decimal',
    sql: "SELECT column1 AS orig_string, TO_DECIMAL(column1, 'XXX') AS to_decimal_num, TRY_TO_DECIMAL(column1, 'XXX') AS try_to_decimal_num FROM VALUES ('aaa')",
    rows: [['aaa', 2730, 2730]],
  },
  {
    source: 'sql-format-models',
    sql: "SELECT TO_NUMBER('012,345.67', '999,999.99', 8, 2), TO_NUMBER('12,345.67', '999,999.99', 8, 2), TO_NUMBER(' 12,345.67', '999,999.99', 8, 2), TO_NUMBER('012,345.67', '000,000.00', 8, 2)",
    rows: [[12345.67, 12345.67, 12345.67, 12345.67]],
  },
  { source: 'sql-format-models', setup: FORMAT1, sql: 'update format1 set i = TO_NUMBER(v)', error: { code: '100038', message: "Numeric value '102-' is not recognized" } },
  {
    source: 'sql-format-models',
    setup: [...FORMAT1, "update format1 set i = TO_NUMBER(v, 'MI999|999MI')"],
    sql: 'select i from format1',
    unordered: true,
    rows: [[-101], [-102], [103]],
  },
  // Text that is no number fails as Snowflake does, whatever the spelling, so a cast that would
  // fail on Snowflake does not pass locally.
  { source: 'functions/cast', sql: "SELECT 'abc'::NUMBER", error: { code: '100038', message: "Numeric value 'abc' is not recognized" } },
  { source: 'functions/to_decimal', sql: "SELECT TO_NUMBER('abc')", error: { code: '100038', message: "Numeric value 'abc' is not recognized" } },
  { source: 'functions/cast', sql: "SELECT CAST('x' AS INT)", error: { code: '100038', message: "Numeric value 'x' is not recognized" } },

  // TO_CHAR / TO_VARCHAR
  {
    source: 'functions/to_char',
    setup: NUMBERS_TO_STRINGS,
    sql:
      `SELECT column1 AS orig_value, TO_CHAR(column1, '">"$99.0"<"') AS D2_1, TO_CHAR(column1, '">"B9,999.0"<"') AS D4_1, ` +
      `TO_CHAR(column1, '">"TME"<"') AS TME, TO_CHAR(column1, '">"TM9"<"') AS TM9, TO_CHAR(column1, '">"0XXX"<"') AS X4, ` +
      `TO_CHAR(column1, '">"S0XXX"<"') AS SX4 FROM convert_numbers_to_strings`,
    unordered: true,
    rows: [
      [-12.391, '>-$12.4<', '>   -12.4<', '>-1.2391E1<', '>-12.391<', '>FFF4<', '>-000C<'],
      [0, '>  $0.0<', '>      .0<', '>0E0<', '>0.000<', '>0000<', '>+0000<'],
      [-1, '> -$1.0<', '>    -1.0<', '>-1E0<', '>-1.000<', '>FFFF<', '>-0001<'],
      [0.1, '>  $0.1<', '>      .1<', '>1E-1<', '>0.100<', '>0000<', '>+0000<'],
      [0.01, '>  $0.0<', '>      .0<', '>1E-2<', '>0.010<', '>0000<', '>+0000<'],
      [3987, '> $##.#<', '> 3,987.0<', '>3.987E3<', '>3987.000<', '>0F93<', '>+0F93<'],
      [1.111, '>  $1.1<', '>     1.1<', '>1.111E0<', '>1.111<', '>0001<', '>+0001<'],
    ],
  },
  { source: 'functions/to_char', sql: 'SELECT TO_VARCHAR(LOG(3,4))', rows: [['1.261859507']] },
  {
    source: 'functions/to_char',
    sql: "SELECT TO_VARCHAR('2024-04-05 01:02:03'::TIMESTAMP, 'mm/dd/yyyy, hh24:mi hours')",
    rows: [['04/05/2024, 01:02 hours']],
  },
  { source: 'functions/to_char', sql: "SELECT TO_VARCHAR('03-April-2024'::DATE)", rows: [['2024-04-03']] },
  { source: 'functions/to_char', sql: "SELECT TO_VARCHAR('03-April-2024'::DATE, 'yyyy.mm.dd')", rows: [['2024.04.03']] },
  { source: 'sql-format-models', sql: "select to_varchar(-123.45, '999.99MI') as EXAMPLE", rows: [['123.45-']] },
  {
    source: 'sql-format-models',
    setup: SAMPLE_NUMBERS,
    sql: "select to_varchar(f, 'S000,000.000'), to_varchar(f, 'FM999,999.999') from sample_numbers",
    unordered: true,
    rows: [
      ['+000,001.200', '1.2'],
      ['+000,123.456', '123.456'],
      ['+001,234.560', '1,234.56'],
      ['-123,456.789', '-123,456.789'],
    ],
  },
  {
    // The page's fill-mode column, its trailing blanks trimmed: the number aligns on its decimal point.
    source: 'sql-format-models',
    setup: SAMPLE_NUMBERS,
    sql: "select rtrim(to_varchar(f, '999,999.999')), rtrim(to_varchar(f, 'S999,999.999')) from sample_numbers",
    unordered: true,
    rows: [
      ['       1.2', '      +1.2'],
      ['     123.456', '    +123.456'],
      ['   1,234.56', '  +1,234.56'],
      ['-123,456.789', '-123,456.789'],
    ],
  },
  { source: 'sql-format-models', sql: `select to_char(12, '">"99"<"')`, rows: [['> 12<']] },
  { source: 'sql-format-models', sql: "SELECT TO_CHAR(0.25, 'TM9%')", rows: [['25%']] },
  {
    // The sign-position table, as text between brackets.
    source: 'sql-format-models',
    sql: "SELECT '[' || TO_CHAR(12, '99') || '|' || TO_CHAR(12, 'S99') || '|' || TO_CHAR(12, '99S') || '|' || TO_CHAR(12, 'MI99') || '|' || TO_CHAR(12, '99MI') || '|' || TO_CHAR(12, '$99') || '|' || TO_CHAR(12, 'FM99') || ']', '[' || TO_CHAR(-7, '99') || '|' || TO_CHAR(-7, 'S99') || '|' || TO_CHAR(-7, '99S') || '|' || TO_CHAR(-7, 'MI99') || '|' || TO_CHAR(-7, '99MI') || '|' || TO_CHAR(-7, '$99') || '|' || TO_CHAR(-7, 'FM99') || ']'",
    rows: [['[ 12|+12|12+| 12|12 | $12|12]', '[ -7| -7| 7-|- 7| 7-| -$7|-7]']],
  },
  { source: 'functions-conversion', sql: "SELECT TO_VARCHAR('2024-04-05'::DATE, 'mon dd, yyyy')", rows: [['Apr 05, 2024']] },
  {
    source: 'functions-conversion',
    sql: "SELECT TO_CHAR('2024-04-05 13:02:03.123456'::TIMESTAMP, 'DY YYYY-MM-DD HH12:MI:SS.FF3 AM'), TO_CHAR('2024-04-05 13:02:03.123456'::TIMESTAMP, 'MMMM DD, YY HH24\"h\"')",
    rows: [['Fri 2024-04-05 01:02:03.123 PM', 'April 05, 24 13h']],
  },

  // TO_DATE / DATE
  { source: 'functions-conversion', sql: "SELECT TO_DATE('3/4/2024', 'dd/mm/yyyy')", rows: [['2024-04-03']] },
  { source: 'functions/to_date', sql: "SELECT TO_DATE('2024-05-10'), DATE('2024-05-10')", rows: [['2024-05-10', '2024-05-10']], types: ['date', 'date'] },
  {
    source: 'functions/to_date',
    setup: ['CREATE OR REPLACE TABLE date_from_timestamp(ts TIMESTAMP)', "INSERT INTO date_from_timestamp(ts) VALUES (TO_TIMESTAMP('2024.10.02 04:00:00', 'YYYY.MM.DD HH:MI:SS'))"],
    sql: 'SELECT ts, TO_DATE(ts) FROM date_from_timestamp',
    rows: [['2024-10-02 04:00:00.000', '2024-10-02']],
  },
  { source: 'functions/to_date', sql: "SELECT TO_DATE('2024.05.10', 'YYYY.MM.DD'), DATE('2024.05.10', 'YYYY.MM.DD')", rows: [['2024-05-10', '2024-05-10']] },
  { source: 'functions/to_date', sql: "SELECT TO_DATE('2024-05-10', 'AUTO'), DATE('2024-05-10', 'AUTO')", rows: [['2024-05-10', '2024-05-10']] },
  { source: 'functions/to_date', sql: "SELECT TO_DATE('05/10/2024', 'MM/DD/YYYY'), DATE('05/20/2024', 'MM/DD/YYYY')", rows: [['2024-05-10', '2024-05-20']] },
  {
    source: 'functions/to_date',
    setup: EPOCH_STRINGS,
    sql: 'SELECT description, value, TO_TIMESTAMP(value), TO_DATE(value) FROM demo1 ORDER BY value',
    rows: [
      ['Seconds', '31536000', '1971-01-01 00:00:00.000', '1971-01-01'],
      ['Milliseconds', '31536000000', '1971-01-01 00:00:00.000', '1971-01-01'],
      ['Microseconds', '31536000000000', '1971-01-01 00:00:00.000', '1971-01-01'],
      ['Nanoseconds', '31536000000000000', '1971-01-01 00:00:00.000', '1971-01-01'],
    ],
  },
  { source: 'date-time-input-output', sql: "SELECT '17-DEC-1980'::DATE, '12/17/1980'::DATE, '2013-04-28'::DATE", rows: [['1980-12-17', '1980-12-17', '2013-04-28']] },
  { source: 'date-time-input-output', sql: "SELECT CAST('09-23-2023' AS DATE)", error: { code: '100040', message: "Date '09-23-2023' is not recognized" } },
  { source: 'functions/try_to_date', sql: "SELECT TRY_TO_DATE('2024-05-10') AS valid_date, TRY_TO_DATE('Invalid') AS invalid_date", rows: [['2024-05-10', null]] },
  {
    source: 'functions/try_to_date',
    sql: "SELECT TRY_TO_DATE('05/10/2024', 'MM/DD/YYYY') AS matching_format, TRY_TO_DATE('2024-05-10', 'MM/DD/YYYY') AS non_matching_format",
    rows: [['2024-05-10', null]],
  },
  { source: 'functions/to_date', sql: "SELECT TO_DATE('2024-05-10', 'MM/DD/YYYY')", error: { code: '100096', message: "Can't parse '2024-05-10' as date with format 'MM/DD/YYYY'" } },

  // TO_TIME / TIME
  { source: 'functions/to_time', sql: "SELECT TO_TIME('13:30:00'), TIME('13:30:00')", rows: [['13:30:00', '13:30:00']] },
  { source: 'functions/to_time', sql: "SELECT TO_TIME('13:30:00.000'), TIME('13:30:00.000')", rows: [['13:30:00', '13:30:00']] },
  { source: 'functions/to_time', sql: "SELECT TO_TIME('11.15.00', 'HH24.MI.SS')", rows: [['11:15:00']] },
  {
    source: 'functions/to_time',
    setup: [
      'CREATE OR REPLACE TABLE demo1_time (description VARCHAR, value VARCHAR)',
      "INSERT INTO demo1_time (description, value) VALUES ('Seconds', '31536001'), ('Milliseconds', '31536002400'), ('Microseconds', '31536003600000'), ('Nanoseconds', '31536004900000000')",
    ],
    sql: 'SELECT description, value, TO_TIMESTAMP(value), TO_TIME(value) FROM demo1_time ORDER BY value',
    rows: [
      ['Seconds', '31536001', '1971-01-01 00:00:01.000', '00:00:01'],
      ['Milliseconds', '31536002400', '1971-01-01 00:00:02.400', '00:00:02'],
      ['Microseconds', '31536003600000', '1971-01-01 00:00:03.600', '00:00:03'],
      ['Nanoseconds', '31536004900000000', '1971-01-01 00:00:04.900', '00:00:04'],
    ],
  },
  { source: 'date-time-input-output', sql: "SELECT TO_TIME('04:01:07 PM'), TO_TIME('20:57'), TO_TIME('20:57:01.123456789')", rows: [['16:01:07', '20:57:00', '20:57:01']] },

  // TO_TIMESTAMP / TO_TIMESTAMP_*
  { source: 'functions/to_timestamp', sql: "SELECT TO_TIMESTAMP_NTZ('2024-04-05 01:02:03')", rows: [['2024-04-05 01:02:03.000']], types: ['timestamp_ntz'] },
  {
    // The page's TO_TIMESTAMP_TZ examples in the session's own zone: the format decides day and month.
    source: 'functions/to_timestamp',
    sql: "SELECT TO_TIMESTAMP_NTZ('04/05/2024 01:02:03', 'mm/dd/yyyy hh24:mi:ss'), TO_TIMESTAMP_NTZ('04/05/2024 01:02:03', 'dd/mm/yyyy hh24:mi:ss')",
    rows: [['2024-04-05 01:02:03.000', '2024-05-04 01:02:03.000']],
  },
  { source: 'functions/to_timestamp', sql: 'SELECT TO_TIMESTAMP_NTZ(40 * 365.25 * 86400)', rows: [['2010-01-01 00:00:00.000']] },
  { source: 'functions/to_timestamp', sql: 'SELECT TO_TIMESTAMP_NTZ(40 * 365.25 * 86400 * 1000 + 456, 3)', rows: [['2010-01-01 00:00:00.456']] },
  {
    source: 'functions/to_timestamp',
    sql: 'SELECT TO_TIMESTAMP(1000000000, 0) AS "Scale in seconds", TO_TIMESTAMP(1000000000, 3) AS "Scale in milliseconds", TO_TIMESTAMP(1000000000, 6) AS "Scale in microseconds", TO_TIMESTAMP(1000000000, 9) AS "Scale in nanoseconds"',
    rows: [['2001-09-09 01:46:40.000', '1970-01-12 13:46:40.000', '1970-01-01 00:16:40.000', '1970-01-01 00:00:01.000']],
    columns: ['Scale in seconds', 'Scale in milliseconds', 'Scale in microseconds', 'Scale in nanoseconds'],
  },
  { source: 'functions/to_timestamp', sql: 'SELECT 0::TIMESTAMP_NTZ, TO_TIMESTAMP_NTZ(0)', rows: [['1970-01-01 00:00:00.000', '1970-01-01 00:00:00.000']] },
  { source: 'date-time-input-output', sql: "SELECT TO_TIMESTAMP('1487654321'), TO_TIMESTAMP('1487654321321')", rows: [['2017-02-21 05:18:41.000', '2017-02-21 05:18:41.321']] },
  {
    source: 'date-time-input-output',
    sql: 'SELECT TO_TIMESTAMP(column1) FROM VALUES (\'2013-04-05\'), (\'1487654321\')',
    rows: [['2013-04-05 00:00:00.000'], ['2017-02-21 05:18:41.000']],
  },
  {
    // AUTO formats; a TIMESTAMP_NTZ keeps the wall clock written and drops the offset.
    source: 'date-time-input-output',
    sql: "SELECT TO_TIMESTAMP_NTZ('2013-04-28T20:57:01.123456789+07:00'), TO_TIMESTAMP_NTZ('2013-04-28 20:57'), TO_TIMESTAMP_NTZ('2013-04-28 20'), TO_TIMESTAMP_NTZ('Thu, 21 Dec 2000 04:01:07 PM +0200'), TO_TIMESTAMP_NTZ('2/18/2008 02:36:48'), TO_TIMESTAMP_NTZ('Mon Jul 08 18:09:51 +0000 2013')",
    rows: [['2013-04-28 20:57:01.123', '2013-04-28 20:57:00.000', '2013-04-28 20:00:00.000', '2000-12-21 16:01:07.000', '2008-02-18 02:36:48.000', '2013-07-08 18:09:51.000']],
  },
  {
    source: 'date-time-input-output',
    sql: "SELECT TO_TIMESTAMP('2026-01-02T03:04:05 EST', 'YYYY-MM-DD\"T\"HH24:MI:SS \"EST\"')",
    rows: [['2026-01-02 03:04:05.000']],
  },
  {
    source: 'functions/to_timestamp',
    sql: "SELECT TO_TIMESTAMP('2013-10-15 12:57:59.000', 'yyyy-mm-dd hh:mi:ss')",
    error: { code: '100096', message: "Can't parse '2013-10-15 12:57:59.000' as timestamp with format 'yyyy-mm-dd hh:mi:ss'" },
  },
  { source: 'functions/to_timestamp', sql: "SELECT TO_TIMESTAMP('2013-10-15 12:57:59.000', 'yyyy-mm-dd hh24:mi:ss.ff')", rows: [['2013-10-15 12:57:59.000']] },
  { source: 'functions/to_timestamp', sql: "SELECT TO_TIMESTAMP('Invalid')", error: { code: '100035', message: "Timestamp 'Invalid' is not recognized" } },
  {
    source: 'functions/try_to_timestamp',
    sql: "SELECT TRY_TO_TIMESTAMP('2024-01-15 12:30:00'), TRY_TO_TIMESTAMP('Invalid')",
    rows: [['2024-01-15 12:30:00.000', null]],
  },

  // CAST, ::, TRY_CAST
  {
    source: 'functions/cast',
    setup: [CAST_TABLE, "INSERT INTO test_data_type_conversion VALUES ('9.8765', 1.2345, '2024-05-09 14:32:29.135 -0700')"],
    sql: 'SELECT * FROM test_data_type_conversion',
    rows: [['9.8765', 1.2345, '2024-05-09 14:32:29.135']],
    knownGap: "a text timestamp with a UTC offset inserted into a TIMESTAMP_NTZ column: DuckDB's implicit cast refuses the offset",
  },
  {
    source: 'functions/cast',
    setup: [CAST_TABLE, "INSERT INTO test_data_type_conversion VALUES ('9.8765', 1.2345, '2024-05-09 14:32:29.135 -0700'::TIMESTAMP)"],
    sql: 'SELECT * FROM test_data_type_conversion',
    rows: [['9.8765', 1.2345, '2024-05-09 14:32:29.135']],
  },
  { source: 'functions/cast', setup: CAST_DATA, sql: 'SELECT CAST(varchar_value AS NUMBER(5,2)) AS varchar_to_number1 FROM test_data_type_conversion', rows: [[9.88]] },
  { source: 'functions/cast', setup: CAST_DATA, sql: 'SELECT varchar_value::NUMBER(6,5) AS varchar_to_number2 FROM test_data_type_conversion', rows: [['9.87650']] },
  { source: 'functions/cast', setup: CAST_DATA, sql: 'SELECT CAST(number_value AS INTEGER) AS number_to_integer FROM test_data_type_conversion', rows: [[1]], types: ['fixed'] },
  { source: 'functions/cast', setup: CAST_DATA, sql: 'SELECT CAST(number_value AS VARCHAR) AS number_to_varchar FROM test_data_type_conversion', rows: [['1.2345']], types: ['text'] },
  { source: 'functions/cast', setup: CAST_DATA, sql: 'SELECT varchar_value, CAST(varchar_value AS VARCHAR(9)) AS converted_varchar FROM test_data_type_conversion', rows: [['9.8765', '9.8765']] },
  {
    source: 'functions/cast',
    setup: CAST_DATA,
    sql: 'SELECT CAST(varchar_value AS VARCHAR(4)) FROM test_data_type_conversion',
    error: { code: '100078', message: "String '9.8765' is too long and would be truncated" },
  },
  { source: 'functions/cast', setup: CAST_DATA, sql: 'SELECT CAST(timestamp_value AS DATE) AS timestamp_to_date FROM test_data_type_conversion', rows: [['2024-05-09']], types: ['date'] },
  { source: 'functions/cast', sql: 'SELECT 2.5::INT, (-2.5)::INTEGER, 2.5::FLOAT::NUMBER', rows: [[3, -3, 3]] },
  { source: 'functions/try_cast', sql: "SELECT TRY_CAST('05-Mar-2016' AS TIMESTAMP)", rows: [['2016-03-05 00:00:00.000']] },
  { source: 'functions/try_cast', sql: "SELECT TRY_CAST('05/16' AS TIMESTAMP)", rows: [[null]] },
  { source: 'functions/try_cast', sql: "SELECT TRY_CAST('ABCD' AS CHAR(2))", rows: [[null]] },
  { source: 'functions/try_cast', sql: "SELECT TRY_CAST('ABCD' AS VARCHAR(10))", rows: [['ABCD']] },

  // Data type names, in casts and in column definitions.
  {
    source: 'data-types-text',
    sql: "SELECT 'x'::STRING, 'y'::TEXT, 'z'::NVARCHAR(5), CAST('w' AS CHARACTER VARYING(3)), 'v'::NCHAR, 'u'::VARCHAR2(2)",
    rows: [['x', 'y', 'z', 'w', 'v', 'u']],
    types: ['text', 'text', 'text', 'text', 'text', 'text'],
  },
  { source: 'data-types-text', sql: "SELECT 'ab'::CHAR", error: { code: '100078', message: "String 'ab' is too long and would be truncated" } },
  {
    source: 'data-types-text',
    setup: [...TEST_TEXT, "INSERT INTO test_text VALUES ('any length', 'fifty at most', 'c', 'ten at mo', 'any', 'twenty at most', 'any', 'thirty at most')"],
    sql: 'SELECT * FROM test_text',
    rows: [['any length', 'fifty at most', 'c', 'ten at mo', 'any', 'twenty at most', 'any', 'thirty at most']],
  },
  {
    source: 'data-types-text',
    setup: TEST_TEXT,
    sql: "INSERT INTO test_text (c10) VALUES ('eleven char')",
    error: { code: '100074', message: "String 'eleven char' is too long and would be truncated" },
  },
  { source: 'data-types-text', setup: TEST_TEXT, sql: "INSERT INTO test_text (cd) VALUES ('ab')", error: { code: '100074', message: "String 'ab' is too long and would be truncated" } },
  {
    source: 'data-types-text',
    setup: [...TEST_TEXT, "INSERT INTO test_text (s20) VALUES ('short')"],
    sql: "UPDATE test_text SET s20 = 'twenty-one characters'",
    error: { code: '100074', message: "String 'twenty-one characters' is too long and would be truncated" },
  },
  {
    // The length is part of the column: it holds after the table and the column are renamed.
    source: 'data-types-text',
    setup: [...TEST_TEXT, 'ALTER TABLE test_text RENAME COLUMN t30 TO t30b', 'ALTER TABLE test_text ADD COLUMN extra NUMBER', 'ALTER TABLE test_text RENAME TO test_text2'],
    sql: "INSERT INTO test_text2 (t30b) VALUES ('thirty-one characters, one more')",
    error: { code: '100074', message: "String 'thirty-one characters, one more' is too long and would be truncated" },
  },
  {
    source: 'data-types-datetime',
    sql: "SELECT CAST('2024-01-02 03:04:05' AS DATETIME), '2024-01-02 03:04:05.123'::TIMESTAMP_NTZ(3), '10:11:12'::TIME(3), '2024-01-02'::TIMESTAMP(9)",
    rows: [['2024-01-02 03:04:05.000', '2024-01-02 03:04:05.123', '10:11:12', '2024-01-02 00:00:00.000']],
    types: ['timestamp_ntz', 'timestamp_ntz', 'time', 'timestamp_ntz'],
  },
  {
    source: 'data-types-datetime',
    setup: [
      'CREATE TABLE typed (a DATETIME, b TIMESTAMP_NTZ(3), c TIMESTAMP_LTZ(6), d TIME(0), e BINARY(4), f VARBINARY(16), g STRING, h NCHAR VARYING(5))',
      "INSERT INTO typed VALUES ('2024-01-02 03:04:05', '2024-01-02 03:04:05.123', '2024-01-02 03:04:05', '10:11:12', '0A0B'::BINARY, 'ff'::BINARY, 'text', 'five')",
    ],
    sql: 'SELECT a, b, d, e, f, g, h FROM typed',
    rows: [['2024-01-02 03:04:05.000', '2024-01-02 03:04:05.123', '10:11:12', '0A0B', 'FF', 'text', 'five']],
  },
  { source: 'data-types-numeric', sql: 'SELECT 1::DECFLOAT', error: { code: '000002', message: "Unsupported feature 'data type DECFLOAT'" } },

  // VARIANT values convert from the value they hold.
  {
    source: 'functions/to_char',
    sql: "SELECT PARSE_JSON('\"abc\"')::STRING, TO_VARCHAR(PARSE_JSON('\"abc\"')), TO_VARCHAR(PARSE_JSON('null')), PARSE_JSON('{\"a\": \"b\"}'):a::VARCHAR",
    rows: [['abc', 'abc', 'null', 'b']],
  },
  {
    source: 'functions/to_decimal',
    sql: "SELECT PARSE_JSON('12.5')::NUMBER(5,1), TO_NUMBER(PARSE_JSON('\"7\"')), PARSE_JSON('true')::BOOLEAN, PARSE_JSON('\"2024-05-10\"')::DATE",
    rows: [[12.5, 7, true, '2024-05-10']],
  },
];
