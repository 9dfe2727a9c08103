/**
 * Tasks, job services and SNOWFLAKE.ACCOUNT_USAGE, from the examples of Snowflake's pages for
 * CREATE / ALTER / DESCRIBE / SHOW / EXECUTE TASK, the task table functions, SYSTEM$WAIT, the
 * job-service functions and the ACCOUNT_USAGE views. Tasks are created in the case's own schema
 * and are never resumed, so no case runs on a schedule; runs happen with EXECUTE TASK … AWAIT.
 * Account-wide answers (history, jobs) are narrowed to the case's schema or a marker of its own.
 */
import type { Category } from '../corpus-case';

const POOL = 'CREATE COMPUTE POOL IF NOT EXISTS CORPUS_POOL MIN_NODES = 1 MAX_NODES = 2 INSTANCE_FAMILY = CPU_X64_S';
/** A synchronous job of the built-in test image: three numbered lines, the third to stderr. */
const job = (name: string) =>
  `EXECUTE JOB SERVICE IN COMPUTE POOL CORPUS_POOL NAME = ${name} FROM SPECIFICATION $$spec:
  containers:
  - name: main
    image: /db/schema/repo/flurry_test:latest
    args: ["--lines", "3"]
$$`;
const ran = (task: string) => [`CREATE TASK ${task} AS SELECT 1`, `EXECUTE TASK ${task} AWAIT`];

export const tasksServices: Category = [
  { source: 'sql/show-tasks', sql: 'SHOW TASKS', rows: [] },
  // CREATE TASK
  {
    source: 'sql/create-task',
    sql: `CREATE TASK t1 SCHEDULE = '60 MINUTES' TIMESTAMP_INPUT_FORMAT = 'YYYY-MM-DD HH24' USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'XSMALL' AS INSERT INTO mytable(ts) VALUES(CURRENT_TIMESTAMP)`,
    rows: [['Task T1 successfully created.']],
  },
  {
    source: 'sql/create-task',
    setup: ['CREATE WAREHOUSE IF NOT EXISTS mywh'],
    sql: `CREATE TASK mytask_hour WAREHOUSE = mywh SCHEDULE = 'USING CRON 0 9-17 * * SUN America/Los_Angeles' TIMESTAMP_INPUT_FORMAT = 'YYYY-MM-DD HH24' AS INSERT INTO mytable(ts) VALUES(CURRENT_TIMESTAMP)`,
    rows: [['Task MYTASK_HOUR successfully created.']],
  },
  {
    source: 'sql/create-task',
    sql: `CREATE TASK mytask_minute SCHEDULE = '5 MINUTES' SUSPEND_TASK_AFTER_NUM_FAILURES = 3 AS SELECT 1`,
    rows: [['Task MYTASK_MINUTE successfully created.']],
  },
  {
    // The misspelling of SUSPEND_TASK_AFTER_NUM_FAILURES a published article uses.
    source: 'sql/create-task',
    sql: `CREATE TASK mytask_minute SCHEDULE = '5 MINUTES' SUSPEND_TASK_AFTER_FAILURES = 3 AS SELECT 1`,
    error: { code: '001420', message: "invalid property 'SUSPEND_TASK_AFTER_FAILURES' for 'TASK'" },
  },
  {
    source: 'sql/create-task',
    sql: `CREATE TASK t1 NO_SUCH_PARAMETER = 1 AS SELECT 1`,
    error: { code: '001420', message: "invalid property 'NO_SUCH_PARAMETER' for 'TASK'" },
  },
  {
    source: 'sql/create-task',
    sql: 'CREATE TASK NO_SUCH_SCHEMA.t1 AS SELECT 1',
    error: { code: '002003', message: "Schema 'FLURRY.NO_SUCH_SCHEMA' does not exist or not authorized." },
  },
  {
    source: 'sql/create-task',
    sql: 'CREATE TASK NO_SUCH_DB.PUBLIC.t1 AS SELECT 1',
    error: { code: '002003', message: "Database 'NO_SUCH_DB' does not exist or not authorized." },
  },
  {
    source: 'sql/create-task',
    setup: ['CREATE TASK t1 AS SELECT 1'],
    sql: 'CREATE TASK t1 AS SELECT 2',
    error: { code: '002002', message: "Object 'T1' already exists." },
  },
  // ALTER TASK
  {
    source: 'sql/alter-task',
    setup: ['CREATE TASK mytask AS SELECT 1'],
    sql: `ALTER TASK mytask SET TIMEZONE = 'America/Los_Angeles', CLIENT_TIMESTAMP_TYPE_MAPPING = TIMESTAMP_LTZ`,
    rows: [['Statement executed successfully.']],
  },
  {
    source: 'sql/alter-task',
    setup: ['CREATE TASK mytask TIMEZONE = \'America/Los_Angeles\' AS SELECT 1'],
    sql: 'ALTER TASK mytask UNSET TIMEZONE, CLIENT_TIMESTAMP_TYPE_MAPPING',
    rows: [['Statement executed successfully.']],
  },
  {
    source: 'sql/alter-task',
    setup: ['CREATE TASK mytask AS SELECT 1'],
    sql: 'ALTER TASK mytask SET SUSPEND_TASK_AFTER_FAILURES = 0',
    error: { code: '001420', message: "invalid property 'SUSPEND_TASK_AFTER_FAILURES' for 'TASK'" },
  },
  {
    source: 'sql/alter-task',
    setup: ['CREATE TASK mytask AS SELECT 1'],
    sql: 'ALTER TASK mytask MODIFY AS SELECT 2',
    rows: [['Statement executed successfully.']],
  },
  {
    source: 'sql/alter-task',
    setup: ['CREATE TASK mytask AS SELECT 1', 'ALTER TASK mytask MODIFY AS SELECT 2', 'DESCRIBE TASK mytask'],
    sql: 'SELECT "name", "definition", "state" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()))',
    rows: [['MYTASK', 'SELECT 2', 'suspended']],
  },
  {
    source: 'sql/alter-task',
    setup: ['CREATE TASK mytask AS SELECT 1'],
    sql: 'ALTER TASK mytask RESUME',
    rows: [['Statement executed successfully.']],
  },
  // SHOW, DESCRIBE, DROP, EXECUTE TASK
  {
    source: 'sql/show-tasks',
    setup: ['CREATE TASK mytask1 AS SELECT 1', "CREATE TASK mytask2 SCHEDULE = '10 MINUTES' AS SELECT 2", 'SHOW TASKS LIKE \'mytask%\''],
    sql: 'SELECT "name", "schedule", "state" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID())) ORDER BY "name"',
    rows: [
      ['MYTASK1', null, 'suspended'],
      ['MYTASK2', '10 MINUTES', 'suspended'],
    ],
  },
  {
    source: 'sql/desc-task',
    sql: 'DESC TASK mytask',
    error: { code: '002003', message: 'does not exist or not authorized.' },
  },
  {
    source: 'sql/drop-task',
    setup: ['CREATE TASK t2 AS SELECT 1'],
    sql: 'DROP TASK t2',
    rows: [['T2 successfully dropped.']],
  },
  {
    source: 'sql/execute-task',
    setup: ['CREATE TASK mytask AS SELECT 1'],
    // The page shows no output; the run is checked through TASK_HISTORY below.
    sql: 'EXECUTE TASK mytask',
  },
  // Dropping or replacing a database or schema drops its tasks.
  {
    source: 'sql/drop-database',
    setup: [
      'CREATE OR REPLACE DATABASE CORPUS_TASKS_DROPPED',
      'CREATE TASK CORPUS_TASKS_DROPPED.PUBLIC.t1 AS SELECT 1',
      'DROP DATABASE CORPUS_TASKS_DROPPED',
      'CREATE DATABASE CORPUS_TASKS_DROPPED',
    ],
    sql: 'SHOW TASKS IN DATABASE CORPUS_TASKS_DROPPED',
    rows: [],
  },
  {
    source: 'sql/create-schema',
    setup: ['CREATE OR REPLACE SCHEMA CORPUS_TASKS_REPLACED', 'CREATE TASK CORPUS_TASKS_REPLACED.t1 AS SELECT 1', 'CREATE OR REPLACE SCHEMA CORPUS_TASKS_REPLACED'],
    sql: 'SHOW TASKS IN SCHEMA CORPUS_TASKS_REPLACED',
    rows: [],
  },
  // Task table functions
  {
    source: 'functions/task_history',
    setup: ['CREATE TASK MYTASK AS SELECT 1'],
    sql: `select * from table(information_schema.task_history(scheduled_time_range_start=>dateadd('hour',-1,current_timestamp()), result_limit => 10, task_name=>'MYTASK')) where schema_name = current_schema()`,
    rows: [],
  },
  {
    source: 'functions/task_history',
    setup: ran('MYTASK'),
    sql: `select name, state, scheduled_from, attempt_number from table(information_schema.task_history(scheduled_time_range_start=>current_timestamp() - interval '1 hour', result_limit => 10, task_name=>'MYTASK')) where schema_name = current_schema()`,
    rows: [['MYTASK', 'SUCCEEDED', 'EXECUTE_TASK', 1]],
  },
  {
    source: 'functions/task_history',
    setup: ['CREATE TASK MYTASK AS SELECT 1'],
    sql: `select * from table(information_schema.task_history(result_limit => 0))`,
    error: { code: '002000', message: 'RESULT_LIMIT must be an integer between 1 and 10000' },
  },
  {
    source: 'functions/task_dependents',
    setup: ['CREATE TASK mytask AS SELECT 1', 'CREATE TASK mychild AFTER mytask AS SELECT 2'],
    sql: `select name from table(information_schema.task_dependents(task_name => 'mytask', recursive => false))`,
    rows: [['MYTASK'], ['MYCHILD']],
  },
  {
    source: 'functions/system_task_dependents_enable',
    setup: ['CREATE TASK mytask AS SELECT 1', 'CREATE TASK mychild AFTER mytask AS SELECT 2'],
    sql: `SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('mytask')`,
    columns: ["SYSTEM$TASK_DEPENDENTS_ENABLE('MYTASK')"],
  },
  {
    source: 'functions/system_task_dependents_enable',
    setup: ['CREATE TASK mytask AS SELECT 1', 'CREATE TASK mychild AFTER mytask AS SELECT 2', "SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('mytask')", 'SHOW TASKS'],
    sql: 'SELECT "name", "state" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID())) ORDER BY "name"',
    rows: [
      ['MYCHILD', 'started'],
      ['MYTASK', 'started'],
    ],
  },
  {
    source: 'functions/current_task_graphs',
    setup: ['CREATE TASK CTG_ROOT AS SELECT 1'],
    sql: `SELECT * FROM TABLE(INFORMATION_SCHEMA.CURRENT_TASK_GRAPHS(RESULT_LIMIT => 1000, ROOT_TASK_NAME => 'CTG_ROOT')) WHERE schema_name = current_schema()`,
    rows: [],
  },
  {
    source: 'functions/complete_task_graphs',
    setup: ran('CTG_DONE'),
    sql: `SELECT root_task_name, state, first_error_task_name FROM TABLE(INFORMATION_SCHEMA.COMPLETE_TASK_GRAPHS(RESULT_LIMIT => 10, ROOT_TASK_NAME => 'CTG_DONE')) WHERE schema_name = current_schema()`,
    rows: [['CTG_DONE', 'SUCCEEDED', null]],
  },
  // SYSTEM$WAIT
  {
    source: 'functions/system_wait',
    sql: "CALL SYSTEM$WAIT(10, 'MILLISECONDS')",
    rows: [['waited 10 milliseconds']],
    columns: ['SYSTEM$WAIT'],
  },
  {
    // A column DEFAULT is evaluated per inserted row; here it would wait once, at CREATE.
    source: 'sql/create-table',
    sql: 'CREATE TABLE waits (id INT, note VARCHAR DEFAULT SYSTEM$WAIT(1))',
    error: { code: '000002', message: 'SYSTEM$WAIT in a column DEFAULT' },
  },
  // SNOWFLAKE.ACCOUNT_USAGE
  {
    source: 'account-usage/services',
    sql: `SELECT * FROM snowflake.account_usage.services WHERE service_name LIKE '%myservice%'`,
    rows: [],
    columns: [
      'SERVICE_ID', 'SERVICE_NAME', 'SERVICE_CATALOG_ID', 'SERVICE_CATALOG', 'SERVICE_SCHEMA_ID', 'SERVICE_SCHEMA',
      'SERVICE_OWNER', 'SERVICE_OWNER_ROLE_TYPE', 'COMPUTE_POOL_ID', 'COMPUTE_POOL_NAME', 'DNS_NAME', 'MIN_READY_INSTANCES',
      'MIN_INSTANCES', 'MAX_INSTANCES', 'AUTO_RESUME', 'QUERY_WAREHOUSE', 'CREATED', 'LAST_ALTERED', 'LAST_RESUMED',
      'DELETED', 'COMMENT', 'IS_JOB',
    ],
  },
  {
    source: 'account-usage/task_history',
    setup: ran('AU_TASK'),
    sql: `SELECT name, query_text, state, error_code, scheduled_from FROM snowflake.account_usage.task_history WHERE schema_name = current_schema()`,
    rows: [['AU_TASK', 'SELECT 1', 'SUCCEEDED', null, 'EXECUTE_TASK']],
  },
  {
    source: 'account-usage/task_history',
    sql: 'SELECT * FROM snowflake.account_usage.task_history WHERE 1 = 0',
    rows: [],
    columns: [
      'NAME', 'QUERY_TEXT', 'CONDITION_TEXT', 'SCHEMA_NAME', 'TASK_SCHEMA_ID', 'DATABASE_NAME', 'TASK_DATABASE_ID',
      'SCHEDULED_TIME', 'COMPLETED_TIME', 'STATE', 'RETURN_VALUE', 'QUERY_ID', 'QUERY_START_TIME', 'ERROR_CODE',
      'ERROR_MESSAGE', 'GRAPH_VERSION', 'RUN_ID', 'ROOT_TASK_ID', 'SCHEDULED_FROM', 'INSTANCE_ID', 'ATTEMPT_NUMBER',
      'CONFIG', 'QUERY_HASH', 'QUERY_HASH_VERSION', 'QUERY_PARAMETERIZED_HASH', 'QUERY_PARAMETERIZED_HASH_VERSION',
      'GRAPH_RUN_GROUP_ID', 'BACKFILL_INFO',
    ],
  },
  {
    source: 'account-usage/serverless_task_history',
    setup: [`CREATE TASK AU_SERVERLESS USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'XSMALL' AS SELECT 1`, 'EXECUTE TASK AU_SERVERLESS AWAIT'],
    sql: `SELECT task_name, database_name, credits_used, start_time <= end_time FROM snowflake.account_usage.serverless_task_history WHERE schema_name = current_schema()`,
    rows: [['AU_SERVERLESS', 'FLURRY', null, true]],
    columns: ['TASK_NAME', 'DATABASE_NAME', 'CREDITS_USED', 'START_TIME <= END_TIME'],
  },
  {
    source: 'account-usage/serverless_task_history',
    setup: ['CREATE WAREHOUSE IF NOT EXISTS mywh', 'CREATE TASK AU_ON_WAREHOUSE WAREHOUSE = mywh AS SELECT 1', 'EXECUTE TASK AU_ON_WAREHOUSE AWAIT'],
    sql: `SELECT * FROM snowflake.account_usage.serverless_task_history WHERE schema_name = current_schema()`,
    rows: [],
    columns: ['START_TIME', 'END_TIME', 'CREDITS_USED', 'TASK_ID', 'TASK_NAME', 'SCHEMA_ID', 'SCHEMA_NAME', 'DATABASE_ID', 'DATABASE_NAME', 'INSTANCE_ID'],
  },
  {
    source: 'account-usage/query_history',
    setup: ['SELECT 42 AS corpus_query_history_marker'],
    sql: `SELECT query_text, query_type, execution_status, error_code, rows_produced, bytes_scanned FROM snowflake.account_usage.query_history WHERE query_text = 'SELECT 42 AS corpus_query_history_marker'`,
    rows: [['SELECT 42 AS corpus_query_history_marker', 'SELECT', 'SUCCESS', null, 1, null]],
  },
  {
    source: 'account-usage/query_history',
    sql: `SELECT count(*) FROM snowflake.account_usage.query_history WHERE execution_status NOT IN ('SUCCESS', 'FAIL', 'INCIDENT')`,
    rows: [[0]],
  },
  {
    source: 'account-usage',
    sql: 'SELECT * FROM snowflake.account_usage.warehouse_metering_history',
    error: { code: '000002', message: 'SNOWFLAKE.ACCOUNT_USAGE.WAREHOUSE_METERING_HISTORY' },
  },
  // Job services
  {
    source: 'functions/spcs_get_logs',
    setup: [POOL, job('my_test_job')],
    sql: `SELECT instance_id, container_name, log, record_attributes FROM TABLE(my_test_job!SPCS_GET_LOGS()) WHERE instance_id = 0 AND container_name = 'main'`,
    unordered: true,
    rows: [
      [0, 'main', 'flurry_test started (job index 0)', { 'log.iostream': 'stdout' }],
      [0, 'main', 'line 1', { 'log.iostream': 'stdout' }],
      [0, 'main', 'line 2', { 'log.iostream': 'stdout' }],
      [0, 'main', 'line 3', { 'log.iostream': 'stderr' }],
      [0, 'main', 'flurry_test exiting with 0', { 'log.iostream': 'stdout' }],
    ],
  },
  {
    source: 'functions/spcs_get_logs',
    setup: [POOL, job('my_test_job')],
    sql: `SELECT * FROM TABLE(my_test_job!SPCS_GET_LOGS(START_TIME => current_timestamp() - interval '3 days')) WHERE 1 = 0`,
    rows: [],
    columns: ['TIMESTAMP', 'INSTANCE_ID', 'CONTAINER_NAME', 'LOG', 'RECORD_ATTRIBUTES'],
    types: ['timestamp_ntz', 'fixed', 'text', 'text', 'object'],
  },
  {
    source: 'functions/spcs_get_logs',
    sql: 'SELECT * FROM TABLE(no_such_job!SPCS_GET_LOGS())',
    error: { code: '002003', message: 'does not exist or not authorized.' },
  },
  {
    source: 'functions/system_get_service_status',
    setup: [POOL, job('status_job')],
    sql: "SELECT SYSTEM$GET_SERVICE_STATUS('status_job', 5)",
    columns: ["SYSTEM$GET_SERVICE_STATUS('STATUS_JOB', 5)"],
    types: ['text'],
  },
  {
    source: 'functions/system_get_service_status',
    sql: "SELECT SYSTEM$GET_SERVICE_STATUS('echo_service')",
    error: { code: '002003', message: 'does not exist or not authorized.' },
  },
  {
    source: 'sql/show-services',
    setup: [POOL, job('shown_job'), "SHOW JOB SERVICES LIKE 'SHOWN_JOB' IN SCHEMA"],
    sql: 'SELECT "name", "status", "is_job", "is_async_job" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()))',
    rows: [['SHOWN_JOB', 'DONE', true, false]],
  },
  {
    source: 'functions/get_job_history',
    setup: [POOL, job('history_job')],
    sql: 'SELECT name, status, compute_pool_name FROM TABLE(SNOWFLAKE.SPCS.GET_JOB_HISTORY()) WHERE schema_name = current_schema()',
    rows: [['HISTORY_JOB', 'DONE', 'CORPUS_POOL']],
  },
  {
    source: 'account-usage/services',
    setup: [POOL, job('usage_job'), 'DROP SERVICE usage_job'],
    sql: `SELECT service_name, compute_pool_name, is_job, deleted IS NOT NULL FROM snowflake.account_usage.services WHERE service_schema = current_schema()`,
    rows: [['USAGE_JOB', 'CORPUS_POOL', true, true]],
  },
];
