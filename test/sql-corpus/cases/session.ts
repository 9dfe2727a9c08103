import type { Category } from '../corpus-case';

/**
 * Session variables (SET, UNSET, SHOW VARIABLES, $name, IDENTIFIER($name)) and session
 * parameters (ALTER SESSION, SHOW PARAMETERS). Each case runs its setup and then its statement in
 * one session, so what the setup set is what the statement sees.
 */
export const session: Category = [
  { source: 'sql/alter-session', sql: "ALTER SESSION SET QUERY_TAG = 'corpus'", rows: [['Statement executed successfully.']] },

  // SET and $name (sql/set, session-variables).
  { source: 'sql/set', setup: ['SET V1 = 10', "SET V2 = 'example'"], sql: 'SELECT $V1, $V2', columns: ['$V1', '$V2'], types: ['fixed', 'text'], rows: [[10, 'example']] },
  { source: 'sql/set', setup: ["SET (V1, V2) = (10, 'example')"], sql: 'SELECT $v1, $V2', rows: [[10, 'example']] },
  { source: 'sql/set', setup: ['SET (min, max) = (40, 70)', 'SET (min, max) = (50, 2 * $min)'], sql: 'SELECT $max', columns: ['$MAX'], rows: [[80]] },
  {
    source: 'sql/set',
    setup: ['CREATE TABLE table1 (i INT)', 'INSERT INTO table1 VALUES (1), (2), (3), (4)', 'SET id_threshold = (SELECT COUNT(*)/2 FROM table1)'],
    sql: 'SELECT i FROM table1 WHERE i > $id_threshold ORDER BY i',
    rows: [[3], [4]],
  },
  { source: 'session-variables', setup: ['SET (var1, var2, var3) = (10, 20, 30)'], sql: 'SELECT $var1 + $var2 + $var3', rows: [[60]] },
  { source: 'session-variables', setup: ['SET (var1, var2, var3) = (SELECT 10, 20, 30)'], sql: 'SELECT $var3, $var1', rows: [[30, 10]] },
  {
    source: 'session-variables',
    setup: ["SET (current_user_name, current_warehouse_name) = ((SELECT CURRENT_ROLE()), (SELECT CURRENT_WAREHOUSE()))"],
    sql: 'SELECT $current_warehouse_name',
    rows: [['COMPUTE_WH']],
  },
  {
    source: 'session-variables',
    setup: ['CREATE TABLE emp (name VARCHAR, age INT, salary INT)', "INSERT INTO emp VALUES ('a', 30, 100), ('b', 45, 200), ('c', 60, 400), ('d', 75, 800)", 'SET (min, max) = (40, 70)'],
    sql: 'SELECT AVG(salary) FROM emp WHERE age BETWEEN $min AND $max',
    rows: [[300]],
  },
  { source: 'session-variables', sql: 'SELECT $undefined_variable', error: { code: '002211', message: "error line 1 at position 7\nSession variable '$UNDEFINED_VARIABLE' does not exist" } },
  // SET never reaches the engine's own settings: access_mode is a variable like any other.
  { source: 'sql/set', setup: ['SET access_mode = 1'], sql: 'SELECT $access_mode', rows: [[1]] },
  { source: 'sql/unset', setup: ['SET v1 = 1', 'UNSET v1'], sql: 'SELECT $v1', error: { code: '002211', message: "Session variable '$V1' does not exist" } },
  { source: 'sql/unset', setup: ["SET (v2, v3) = ('a', 'b')", 'UNSET (v2, v3)'], sql: 'SELECT $v3', error: { code: '002211', message: "Session variable '$V3' does not exist" } },
  {
    source: 'sql/show-variables',
    setup: ["SET (var1, var2) = (10, 'hello')"],
    sql: 'SHOW VARIABLES',
    columns: ['session_id', 'created_on', 'updated_on', 'name', 'value', 'type', 'comment'],
    types: ['fixed', 'timestamp_ltz', 'timestamp_ltz', 'text', 'text', 'text', 'text'],
  },
  {
    source: 'sql/show-variables',
    setup: ["SET (var1, var2) = (10, 'hello')", "SET other = TRUE", "SHOW VARIABLES LIKE 'var%'"],
    sql: 'SELECT "name", "value", "type" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID())) ORDER BY "name"',
    rows: [['VAR1', '10', 'fixed'], ['VAR2', 'hello', 'text']],
  },

  // IDENTIFIER($name) and TABLE($name) (identifier-literal).
  {
    source: 'identifier-literal',
    setup: ["SET my_table_name = 'my_table'", 'CREATE TABLE IDENTIFIER($my_table_name) (i INTEGER)', 'INSERT INTO IDENTIFIER($my_table_name) (i) VALUES (42)'],
    sql: 'SELECT * FROM IDENTIFIER($my_table_name) ORDER BY i',
    rows: [[42]],
  },
  {
    source: 'identifier-literal',
    setup: ["SET my_table_name = 'my_table'", 'CREATE TABLE IDENTIFIER($my_table_name) (i INTEGER)', 'INSERT INTO my_table (i) VALUES (42)'],
    sql: 'SELECT * FROM TABLE($my_table_name)',
    rows: [[42]],
  },

  // ALTER SESSION and its effects (sql/alter-session, parameters).
  { source: 'sql/alter-session', sql: 'ALTER SESSION SET LOCK_TIMEOUT = 3600', rows: [['Statement executed successfully.']], knownGap: 'LOCK_TIMEOUT is not enforced, so only its default (43200) is accepted' },
  { source: 'sql/alter-session', sql: 'ALTER SESSION UNSET LOCK_TIMEOUT', rows: [['Statement executed successfully.']] },
  { source: 'parameters', setup: ["ALTER SESSION SET TIMEZONE = 'America/Los_Angeles'"], sql: "SELECT '2024-01-01 12:00:00'::TIMESTAMP_LTZ", rows: [['2024-01-01 12:00:00.000 -0800']] },
  { source: 'parameters', setup: ["ALTER SESSION SET TIMEZONE = 'Asia/Kolkata'"], sql: "SELECT '2024-01-01 12:00:00'::TIMESTAMP_LTZ", rows: [['2024-01-01 12:00:00.000 +0530']] },
  { source: 'parameters', setup: ["ALTER SESSION SET DATE_OUTPUT_FORMAT = 'DD/MM/YYYY'"], sql: "SELECT '2024-03-04'::DATE", rows: [['04/03/2024']] },
  { source: 'parameters', setup: ["ALTER SESSION SET DATE_OUTPUT_FORMAT = 'YYYY'", 'ALTER SESSION UNSET DATE_OUTPUT_FORMAT'], sql: "SELECT '2024-03-04'::DATE", rows: [['2024-03-04']] },
  {
    source: 'parameters',
    setup: ["ALTER SESSION SET TIMEZONE = 'UTC' TIMESTAMP_NTZ_OUTPUT_FORMAT = 'DD.MM.YYYY HH24:MI', TIME_OUTPUT_FORMAT = 'HH24:MI'"],
    sql: "SELECT '2024-03-04 05:06:07'::TIMESTAMP_NTZ, '05:06:07'::TIME",
    rows: [['04.03.2024 05:06', '05:06']],
  },
  { source: 'binary-input-output', setup: ["ALTER SESSION SET BINARY_OUTPUT_FORMAT = 'BASE64'"], sql: "SELECT '414243'::BINARY", rows: [['QUJD']] },
  {
    source: 'sql/show-parameters',
    setup: ["ALTER SESSION SET TIMEZONE = 'Europe/London'", "SHOW PARAMETERS LIKE 'TIME%ZONE' IN SESSION"],
    sql: 'SELECT "key", "value", "level", "type" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()))',
    rows: [['TIMEZONE', 'Europe/London', 'SESSION', 'STRING']],
  },
  {
    source: 'sql/show-parameters',
    setup: ["SHOW PARAMETERS LIKE 'use_cached_result'"],
    sql: 'SELECT "key", "value", "default", "level", "type" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()))',
    rows: [['USE_CACHED_RESULT', 'true', 'true', '', 'BOOLEAN']],
  },
  { source: 'parameters', setup: ['ALTER SESSION SET STATEMENT_TIMEOUT_IN_SECONDS = 1'], sql: 'CALL SYSTEM$WAIT(3)', error: { code: '000630', message: 'timeout of 1 second(s) and was canceled' } },
  { source: 'sql/alter-session', sql: 'ALTER SESSION SET NO_SUCH_PARAMETER = 1', error: { code: '001006', message: "invalid parameter 'NO_SUCH_PARAMETER'" } },
  { source: 'parameters', sql: "ALTER SESSION SET TIMEZONE = 'Not/AZone'", error: { code: '001008', message: "invalid value [Not/AZone] for parameter 'TIMEZONE'" } },
  { source: 'parameters', sql: 'ALTER SESSION SET WEEK_START = 9', error: { code: '001008', message: "invalid value [9] for parameter 'WEEK_START'" } },
  {
    source: 'functions-date-time',
    setup: ['ALTER SESSION SET WEEK_START = 1'],
    sql: "SELECT DAYOFWEEK('2024-01-07'::DATE)",
    rows: [[7]],
    knownGap: 'WEEK_START other than 0 is not supported',
  },
];
