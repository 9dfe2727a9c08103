import { describe, expect, it } from 'vitest';
import { statementError } from '../sql/statement-error.fixture';
import { parseObjectNameText, parseTaskStatement } from './task-statements';

const errorOf = (sql: string) => statementError(parseTaskStatement, sql);
const name = (n: string, schema: string | null = null, database: string | null = null) => ({ database, schema, name: n });

/** Where `at` first starts a token in one-line `sql` (so `AS` is not found inside `TASK`). */
function positionOf(sql: string, at: string): number {
  const boundary = /^[\w$]/.test(at) ? '(?<![\\w$])' : '';
  const position = sql.search(new RegExp(boundary + at.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  if (position < 0) throw new Error(`${at} is not in ${sql}`);
  return position;
}

/** Asserts the SqlStatementError for `sql`: a refused value (002000) at `at`. */
function expectRefused(sql: string, at: string, detail: string) {
  const error = errorOf(sql);
  const position = positionOf(sql, at);
  expect(error.snowflake).toEqual({
    code: '002000',
    sqlState: '42000',
    message: `SQL compilation error:\n${detail} (line 1 at position ${position})`,
  });
  expect(error.position).toBe(position);
}

/** Asserts the syntax error (001003) for `sql`: `at` is the unexpected token, null for the end. */
function expectSyntax(sql: string, at: string | null, hint: string) {
  const error = errorOf(sql);
  const position = at === null ? sql.length : positionOf(sql, at);
  const unexpected = at ?? '<EOF>';
  expect(error.snowflake).toEqual({
    code: '001003',
    sqlState: '42000',
    message: `SQL compilation error:\nsyntax error line 1 at position ${position} unexpected '${unexpected}'.\n${hint}`,
  });
  expect(error.position).toBe(position);
}

describe('parseTaskStatement', () => {
  it('returns null for statements that are not task ones', () => {
    for (const sql of [
      'CREATE TABLE t (a INT)',
      'SELECT 1',
      "SELECT SYSTEM$CANCEL_JOB('j')",
      'EXECUTE JOB SERVICE IN COMPUTE POOL p FROM SPECIFICATION $$spec$$',
      'SHOW SERVICES',
      'DROP TABLE t',
      'DESCRIBE TABLE t',
      "SELECT * FROM TABLE(INFORMATION_SCHEMA.TASK_HISTORY())",
      '',
    ]) {
      expect(parseTaskStatement(sql)).toBeNull();
    }
  });

  describe('CREATE TASK', () => {
    it('reads the documented root task with a cron schedule in a DST time zone', () => {
      expect(
        parseTaskStatement(`CREATE OR REPLACE TASK mydb.myschema.root_task
  WAREHOUSE = mywh
  SCHEDULE = 'USING CRON 0 1 * * * America/Los_Angeles'
AS
  INSERT INTO mytable(ts) VALUES(CURRENT_TIMESTAMP);`),
      ).toEqual({
        kind: 'create_task',
        orReplace: true,
        ifNotExists: false,
        name: name('ROOT_TASK', 'MYSCHEMA', 'MYDB'),
        properties: { warehouse: 'MYWH', schedule: 'USING CRON 0 1 * * * America/Los_Angeles' },
        finalize: null,
        after: [],
        when: null,
        body: 'INSERT INTO mytable(ts) VALUES(CURRENT_TIMESTAMP)',
      });
    });

    it('reads children with AFTER and a finalizer with FINALIZE', () => {
      expect(parseTaskStatement('CREATE TASK child_b WAREHOUSE = mywh AFTER root_task, s."Child A" AS CALL load()')).toMatchObject({
        properties: { warehouse: 'MYWH' },
        after: [name('ROOT_TASK'), name('Child A', 'S')],
        finalize: null,
        body: 'CALL load()',
      });
      expect(parseTaskStatement('create task if not exists cleanup finalize = mydb.myschema.root_task as call notify()')).toMatchObject({
        orReplace: false,
        ifNotExists: true,
        name: name('CLEANUP'),
        properties: {},
        finalize: name('ROOT_TASK', 'MYSCHEMA', 'MYDB'),
        after: [],
      });
    });

    it('reads every property in any order, with or without commas, and session parameters by name', () => {
      const statement = parseTaskStatement(`CREATE TASK t
        COMMENT = 'nightly' TASK_AUTO_RETRY_ATTEMPTS = 3, SUSPEND_TASK_AFTER_NUM_FAILURES = 0
        USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'xsmall' OVERLAP_POLICY = allow_all_overlap
        USER_TASK_TIMEOUT_MS = 604800000 SCHEDULE = '10 MINUTES' CONFIG = $$\{"env": "prod"}$$
        ERROR_INTEGRATION = my_errors SUCCESS_INTEGRATION = my_news LOG_LEVEL = 'info'
        TARGET_COMPLETION_INTERVAL = '2 HOURS' QUERY_TAG = 'etl', timezone = 'UTC',
        STATEMENT_TIMEOUT_IN_SECONDS = 60 AUTOCOMMIT = TRUE
        AS SELECT 1`);
      expect(statement).toMatchObject({
        properties: {
          comment: 'nightly',
          taskAutoRetryAttempts: 3,
          suspendTaskAfterNumFailures: 0,
          userTaskManagedInitialWarehouseSize: 'XSMALL',
          overlapPolicy: 'ALLOW_ALL_OVERLAP',
          userTaskTimeoutMs: 604_800_000,
          schedule: '10 MINUTES',
          config: '{"env": "prod"}',
          errorIntegration: 'MY_ERRORS',
          successIntegration: 'MY_NEWS',
          logLevel: 'INFO',
          targetCompletionInterval: '2 HOURS',
          sessionParameters: { QUERY_TAG: 'etl', TIMEZONE: 'UTC', STATEMENT_TIMEOUT_IN_SECONDS: '60', AUTOCOMMIT: 'TRUE' },
        },
        body: 'SELECT 1',
      });
    });

    it('maps ALLOW_OVERLAPPING_EXECUTION to the overlap policy and takes CONFIG as a quoted string', () => {
      const policy = (value: string) => parseTaskStatement(`CREATE TASK t ALLOW_OVERLAPPING_EXECUTION = ${value} AS SELECT 1`);
      expect(policy('TRUE')).toMatchObject({ properties: { overlapPolicy: 'ALLOW_CHILD_OVERLAP' } });
      expect(policy('false')).toMatchObject({ properties: { overlapPolicy: 'NO_OVERLAP' } });
      expect(parseTaskStatement(`CREATE TASK t CONFIG = '{"a": [1, 2]}' AS SELECT 1`)).toMatchObject({ properties: { config: '{"a": [1, 2]}' } });
    });

    it('ends WHEN at the first AS outside parentheses, keeping both texts as written', () => {
      expect(parseTaskStatement('CREATE TASK t WHEN CAST(x AS INT) > 0 AS SELECT 1')).toMatchObject({
        when: 'CAST(x AS INT) > 0',
        body: 'SELECT 1',
      });
      expect(
        parseTaskStatement(`CREATE TASK t AFTER a
  WHEN SYSTEM$STREAM_HAS_DATA('my_stream')
    AND SYSTEM$GET_PREDECESSOR_RETURN_VALUE('A')::INT > 2
AS SELECT 'x AS y' AS label -- the label
;`),
      ).toMatchObject({
        when: "SYSTEM$STREAM_HAS_DATA('my_stream')\n    AND SYSTEM$GET_PREDECESSOR_RETURN_VALUE('A')::INT > 2",
        body: "SELECT 'x AS y' AS label",
      });
    });

    it('keeps a BEGIN … END block, a $$ block and an EXECUTE JOB SERVICE body whole', () => {
      expect(
        parseTaskStatement(`CREATE TASK t AS
BEGIN
  INSERT INTO a VALUES (1);
  INSERT INTO b VALUES (2);
END;`),
      ).toMatchObject({ body: 'BEGIN\n  INSERT INTO a VALUES (1);\n  INSERT INTO b VALUES (2);\nEND' });
      expect(parseTaskStatement('CREATE TASK t AS EXECUTE IMMEDIATE $$ BEGIN SELECT 1; RETURN 2; END; $$;')).toMatchObject({
        body: 'EXECUTE IMMEDIATE $$ BEGIN SELECT 1; RETURN 2; END; $$',
      });
      const job = `EXECUTE JOB SERVICE
    IN COMPUTE POOL cpu_s
    NAME = nightly_job
    FROM SPECIFICATION $$
spec:
  containers:
  - name: main
    image: /db/s/repo/train:latest
    command: ["python", "-c", "print('AS; done')"]
$$`;
      expect(parseTaskStatement(`CREATE TASK run_job USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'SMALL' AS\n  ${job};`)).toMatchObject({
        body: job,
      });
    });

    it.each([
      ["CREATE TASK t WAREHOUSE = wh USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'SMALL' AS SELECT 1", 'USER_TASK_MANAGED',
        'WAREHOUSE and USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE cannot both be given: a task runs on a warehouse or is serverless.'],
      ['CREATE TASK t ALLOW_OVERLAPPING_EXECUTION = TRUE OVERLAP_POLICY = NO_OVERLAP AS SELECT 1', 'OVERLAP_POLICY',
        'OVERLAP_POLICY and ALLOW_OVERLAPPING_EXECUTION cannot both be given: both set the overlap policy.'],
      ['CREATE TASK t USER_TASK_TIMEOUT_MS = 0 AS SELECT 1', '0', 'USER_TASK_TIMEOUT_MS must be between 1 and 604800000, not 0.'],
      ['CREATE TASK t USER_TASK_TIMEOUT_MS = 604800001 AS SELECT 1', '604800001',
        'USER_TASK_TIMEOUT_MS must be between 1 and 604800000, not 604800001.'],
      ['CREATE TASK t SUSPEND_TASK_AFTER_NUM_FAILURES = -1 AS SELECT 1', '-1', 'SUSPEND_TASK_AFTER_NUM_FAILURES must be 0 or more, not -1.'],
      ['CREATE TASK t TASK_AUTO_RETRY_ATTEMPTS = 31 AS SELECT 1', '31', 'TASK_AUTO_RETRY_ATTEMPTS must be between 0 and 30, not 31.'],
      ["CREATE TASK t USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'HUGE' AS SELECT 1", "'HUGE'",
        "USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE must be one of XSMALL, SMALL, MEDIUM, LARGE, XLARGE, XXLARGE, XXXLARGE, not 'HUGE'."],
      ['CREATE TASK t OVERLAP_POLICY = SOMETIMES AS SELECT 1', 'SOMETIMES',
        'OVERLAP_POLICY must be one of NO_OVERLAP, ALLOW_CHILD_OVERLAP, ALLOW_ALL_OVERLAP, not SOMETIMES.'],
      ["CREATE TASK t CONFIG = '[1, 2]' AS SELECT 1", "'[1", 'CONFIG must be a JSON object ({…}), not an array.'],
      ["CREATE TASK t CONFIG = '42' AS SELECT 1", "'42'", 'CONFIG must be a JSON object ({…}), not 42.'],
      ["CREATE TASK t SCHEDULE = 'USING CRON 61 1 * * * UTC' AS SELECT 1", "'USING",
        'Invalid SCHEDULE: minute field "61" is out of range 0–59.'],
      ["CREATE TASK t SCHEDULE = 'USING CRON 0 1 * * * Mars/Olympus_Mons' AS SELECT 1", "'USING",
        'Invalid SCHEDULE: unknown time zone "Mars/Olympus_Mons" (use an IANA name such as America/Los_Angeles or UTC).'],
      ["CREATE TASK t SCHEDULE = 'USING CRON 0 1 * * *' AS SELECT 1", "'USING",
        'Invalid SCHEDULE: USING CRON needs 5 fields and a time zone ("<minute> <hour> <day-of-month> <month> <day-of-week> <time zone>"), got 5 parts: "0 1 * * *".'],
      ["CREATE TASK t SCHEDULE = '5 DAYS' AS SELECT 1", "'5 DAYS'",
        `Invalid SCHEDULE: SCHEDULE "5 DAYS" is not '<n> MINUTES|HOURS|SECONDS' or 'USING CRON <minute> <hour> <day-of-month> <month> <day-of-week> <time zone>'.`],
      ["CREATE TASK t SCHEDULE = '5 MINUTES' AFTER a AS SELECT 1", 'AFTER',
        'A task with AFTER runs when its predecessors finish; it cannot also have a SCHEDULE.'],
      ['CREATE TASK t FINALIZE = r AFTER a AS SELECT 1', 'AFTER',
        "A finalizer (FINALIZE = <root>) runs at the end of its root's graph; it cannot also have AFTER."],
      ["CREATE TASK t FINALIZE = r SCHEDULE = '5 MINUTES' AS SELECT 1", 'SCHEDULE',
        "A finalizer (FINALIZE = <root>) runs at the end of its root's graph; it cannot also have a SCHEDULE."],
      ["CREATE TASK t SCHEDULE = '5 MINUTES' FINALIZE = r AS SELECT 1", 'FINALIZE',
        "A finalizer (FINALIZE = <root>) runs at the end of its root's graph; it cannot also have a SCHEDULE."],
    ])('refuses %s', (sql, at, detail) => expectRefused(sql, at, detail));

    it('gives the line and the position within it on a statement over several lines', () => {
      const error = errorOf("CREATE TASK t\n  WAREHOUSE = wh\n  SCHEDULE = 'USING CRON 0 1 * * * Moon/Base'\nAS SELECT 1");
      expect([error.line, error.position]).toEqual([3, 13]);
      expect(error.snowflake.message).toBe(
        'SQL compilation error:\nInvalid SCHEDULE: unknown time zone "Moon/Base" (use an IANA name such as America/Los_Angeles or UTC). (line 3 at position 13)',
      );
      expect(errorOf('CREATE TASK t\n  WAREHOUSE = wh\n')).toMatchObject({ line: 3, position: 0 });
    });

    it('names invalid CONFIG JSON with the parser’s reason', () => {
      const sql = 'CREATE TASK t CONFIG = $${"a": }$$ AS SELECT 1';
      expect(errorOf(sql).snowflake.message).toMatch(/^SQL compilation error:\nCONFIG is not valid JSON: .+\. \(line 1 at position 23\)$/);
    });

    it.each([
      ["CREATE TASK t COMMENT = 'a' comment = 'b' AS SELECT 1", 'comment', 'COMMENT is given more than once.'],
      ["CREATE TASK t QUERY_TAG = 'a' query_tag = 'b' AS SELECT 1", 'query_tag', 'QUERY_TAG is given more than once.'],
      ['CREATE TASK t WAREHOUSE = wh', null, 'CREATE TASK needs AS followed by the SQL the task runs.'],
      ['CREATE TASK t WHEN x > 1', null, 'CREATE TASK needs AS followed by the SQL the task runs.'],
      ['CREATE TASK t AS', null, 'Expected the SQL the task runs after AS, such as SELECT 1 or CALL my_procedure().'],
      ['CREATE TASK t AS ;', null, 'Expected the SQL the task runs after AS, such as SELECT 1 or CALL my_procedure().'],
      ['CREATE TASK t WHEN AS SELECT 1', 'AS', "Expected a condition after WHEN, such as SYSTEM$STREAM_HAS_DATA('my_stream')."],
      ["CREATE TASK t AFTER a SCHEDULE = '1 MINUTE' AS SELECT 1", 'SCHEDULE', 'Expected a property (NAME = value), AFTER, WHEN or AS, in that order.'],
      ['CREATE TASK t WAREHOUSE = wh SELECT 1', 'SELECT', 'Expected a property (NAME = value), AFTER, WHEN or AS, in that order.'],
      ["CREATE TASK t SCHEDULE '5 MINUTES' AS SELECT 1", "'5 MINUTES'", "Expected '=' after SCHEDULE."],
      ["CREATE TASK t WAREHOUSE = 'wh' AS SELECT 1", "'wh'", 'Expected a warehouse name after WAREHOUSE =.'],
      ["CREATE TASK t USER_TASK_TIMEOUT_MS = '5' AS SELECT 1", "'5'", 'USER_TASK_TIMEOUT_MS takes a whole number.'],
      ['CREATE TASK t CONFIG = {} AS SELECT 1', '{', "Expected CONFIG as a JSON object in $$…$$ or '…'."],
      ['CREATE TASK t QUERY_TAG = ( AS SELECT 1', '(', 'Expected a value for QUERY_TAG: a string, a number or a word such as TRUE.'],
      ['CREATE TASK t AFTER a, 1 AS SELECT 1', '1', 'Expected a task name.'],
      ['CREATE TASK t AS $$SELECT 1', '$$SELECT 1', 'The $$ string starting here is not closed.'],
    ])('reports the syntax error in %s', (sql, at, hint) => expectSyntax(sql, at, hint));
  });

  describe('ALTER TASK', () => {
    const action = (sql: string) => {
      const statement = parseTaskStatement(sql);
      if (statement?.kind !== 'alter_task') throw new Error(`not an ALTER TASK: ${sql}`);
      return statement.action;
    };

    it('reads the name and IF EXISTS', () => {
      expect(parseTaskStatement('ALTER TASK IF EXISTS db.s."Root" RESUME;')).toEqual({
        kind: 'alter_task',
        ifExists: true,
        name: name('Root', 'S', 'DB'),
        action: { kind: 'resume' },
      });
      expect(parseTaskStatement('alter task t suspend')).toMatchObject({ ifExists: false, action: { kind: 'suspend' } });
    });

    it('reads ADD AFTER, REMOVE AFTER, REMOVE WHEN, MODIFY AS and MODIFY WHEN', () => {
      expect(action('ALTER TASK t ADD AFTER a, s.b')).toEqual({ kind: 'add_after', tasks: [name('A'), name('B', 'S')] });
      expect(action('ALTER TASK t REMOVE AFTER a')).toEqual({ kind: 'remove_after', tasks: [name('A')] });
      expect(action('ALTER TASK t REMOVE WHEN')).toEqual({ kind: 'remove_when' });
      expect(action('ALTER TASK t MODIFY AS\nBEGIN\n  CALL a();\n  CALL b();\nEND;')).toEqual({
        kind: 'modify_as',
        body: 'BEGIN\n  CALL a();\n  CALL b();\nEND',
      });
      expect(action('ALTER TASK t MODIFY WHEN CAST(x AS INT) > 0 AS ok;')).toEqual({
        kind: 'modify_when',
        condition: 'CAST(x AS INT) > 0 AS ok',
      });
    });

    it('reads SET with several properties, as CREATE TASK does', () => {
      expect(action("ALTER TASK t SET SCHEDULE = 'USING CRON 0 2 * * 1-5 UTC', USER_TASK_TIMEOUT_MS = 60000 QUERY_TAG = 'q'")).toEqual({
        kind: 'set',
        properties: { schedule: 'USING CRON 0 2 * * 1-5 UTC', userTaskTimeoutMs: 60_000, sessionParameters: { QUERY_TAG: 'q' } },
      });
    });

    it('reads SET FINALIZE, UNSET FINALIZE and UNSET of properties and session parameters', () => {
      expect(action('ALTER TASK t SET FINALIZE = db.s.root')).toEqual({ kind: 'set_finalize', root: name('ROOT', 'S', 'DB') });
      expect(action('ALTER TASK t UNSET FINALIZE')).toEqual({ kind: 'unset_finalize' });
      expect(action('ALTER TASK t UNSET schedule, ALLOW_OVERLAPPING_EXECUTION, USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE, query_tag')).toEqual({
        kind: 'unset',
        properties: ['schedule', 'overlapPolicy', 'userTaskManagedInitialWarehouseSize', { sessionParameter: 'QUERY_TAG' }],
      });
    });

    it.each([
      ['ALTER TASK t SET USER_TASK_TIMEOUT_MS = 0', '0', 'USER_TASK_TIMEOUT_MS must be between 1 and 604800000, not 0.'],
      ["ALTER TASK t SET SCHEDULE = 'USING CRON 0 25 * * * UTC'", "'USING", 'Invalid SCHEDULE: hour field "25" is out of range 0–23.'],
      ["ALTER TASK t SET COMMENT = 'x' FINALIZE = r", 'FINALIZE',
        'SET FINALIZE = <root> is an ALTER TASK of its own; it cannot be combined with other properties.'],
      ['ALTER TASK t SET WAREHOUSE = wh, USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = SMALL', 'USER_TASK_MANAGED',
        'WAREHOUSE and USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE cannot both be given: a task runs on a warehouse or is serverless.'],
    ])('refuses %s', (sql, at, detail) => expectRefused(sql, at, detail));

    it.each([
      ['ALTER TASK t', null, 'Expected RESUME, SUSPEND, ADD AFTER, REMOVE AFTER, SET, UNSET, MODIFY AS, MODIFY WHEN or REMOVE WHEN.'],
      ['ALTER TASK t RENAME TO u', 'RENAME', 'Expected RESUME, SUSPEND, ADD AFTER, REMOVE AFTER, SET, UNSET, MODIFY AS, MODIFY WHEN or REMOVE WHEN.'],
      ['ALTER TASK t RESUME NOW', 'NOW', 'Expected the end of the statement.'],
      ['ALTER TASK t ADD AFTER a b', 'b', "Expected ',' and another task name, or the end of the statement."],
      ['ALTER TASK t SET', null, "Expected a property to set, such as SCHEDULE = '10 MINUTES'."],
      ["ALTER TASK t SET COMMENT = 'x' AS SELECT 1", 'AS', 'Expected another property (NAME = value) or the end of the statement.'],
      ["ALTER TASK t SET COMMENT = 'x', comment = 'y'", 'comment', 'COMMENT is given more than once.'],
      ['ALTER TASK t UNSET COMMENT, FINALIZE', 'FINALIZE', 'UNSET FINALIZE is an ALTER TASK of its own; it cannot be combined with other properties.'],
      ['ALTER TASK t UNSET FINALIZE, COMMENT', ',', 'UNSET FINALIZE is an ALTER TASK of its own; it cannot be combined with other properties.'],
      ['ALTER TASK t UNSET COMMENT, comment', 'comment', 'COMMENT is given more than once.'],
      ['ALTER TASK t UNSET', null, 'Expected the name of a property to unset, such as COMMENT.'],
      ['ALTER TASK t MODIFY AS', null, 'Expected the SQL the task runs after AS, such as SELECT 1 or CALL my_procedure().'],
      ['ALTER TASK t MODIFY WHEN', null, "Expected a condition after WHEN, such as SYSTEM$STREAM_HAS_DATA('my_stream')."],
    ])('reports the syntax error in %s', (sql, at, hint) => expectSyntax(sql, at, hint));
  });

  describe('properties a task does not take', () => {
    it.each([
      // The spelling a published article uses for SUSPEND_TASK_AFTER_NUM_FAILURES.
      ['CREATE TASK t SUSPEND_TASK_AFTER_FAILURES = 3 AS SELECT 1', 'SUSPEND_TASK_AFTER_FAILURES'],
      ["CREATE TASK t WAREHOUSE = wh, query_tagg = 'etl' AS SELECT 1", 'query_tagg'],
      ['ALTER TASK t SET SUSPEND_TASK_AFTER_FAILURES = 0', 'SUSPEND_TASK_AFTER_FAILURES'],
      ["ALTER TASK t SET COMMENT = 'x', NO_SUCH_PARAMETER = 1", 'NO_SUCH_PARAMETER'],
      ['ALTER TASK t UNSET COMMENT, SUSPEND_TASK_AFTER_FAILURES', 'SUSPEND_TASK_AFTER_FAILURES'],
    ])('refuses %s with Snowflake\'s invalid property error', (sql, at) => {
      const error = errorOf(sql);
      expect(error.snowflake).toEqual({
        code: '001420',
        sqlState: '22023',
        message: `SQL compilation error:\ninvalid property '${at.toUpperCase()}' for 'TASK'`,
      });
      expect(error.position).toBe(positionOf(sql, at));
    });

    it('takes the documented session and task parameters, in any case', () => {
      expect(parseTaskStatement("CREATE TASK t week_start = 1 SERVERLESS_TASK_MAX_STATEMENT_SIZE = 'LARGE' AS SELECT 1")).toMatchObject({
        properties: { sessionParameters: { WEEK_START: '1', SERVERLESS_TASK_MAX_STATEMENT_SIZE: 'LARGE' } },
      });
      expect(parseTaskStatement('ALTER TASK t UNSET TIMEZONE')).toMatchObject({ action: { kind: 'unset', properties: [{ sessionParameter: 'TIMEZONE' }] } });
    });
  });

  describe('EXECUTE TASK', () => {
    it('reads the plain form, USING CONFIG, both RETRY forms and AWAIT', () => {
      expect(parseTaskStatement('EXECUTE TASK db.s.root')).toEqual({
        kind: 'execute_task',
        name: name('ROOT', 'S', 'DB'),
        config: null,
        retry: null,
        await: false,
      });
      expect(parseTaskStatement(`execute task root using config = '{"date": "2025-01-01"}' await;`)).toMatchObject({
        config: '{"date": "2025-01-01"}',
        retry: null,
        await: true,
      });
      expect(parseTaskStatement('EXECUTE TASK root RETRY LAST')).toMatchObject({ config: null, retry: { kind: 'last' }, await: false });
      expect(parseTaskStatement("EXECUTE TASK root RETRY GRAPH RUN GROUP '01b2-77' AWAIT")).toMatchObject({
        retry: { kind: 'graph_run_group', id: '01b2-77' },
        await: true,
      });
    });

    it.each([
      [`EXECUTE TASK root USING CONFIG = '{"a": 1}' RETRY LAST`, 'RETRY',
        'RETRY cannot be combined with USING CONFIG.'],
      ["EXECUTE TASK root USING CONFIG = 'null'", "'null'", 'CONFIG must be a JSON object ({…}), not null.'],
      ["EXECUTE TASK root RETRY GRAPH RUN GROUP ''", "''", 'RETRY GRAPH RUN GROUP needs a graph run group id, not an empty string.'],
    ])('refuses %s', (sql, at, detail) => expectRefused(sql, at, detail));

    it.each([
      ['EXECUTE TASK', null, 'Expected a task name.'],
      ["EXECUTE TASK root USING '{}'", "'{}'", "Expected CONFIG = '<JSON object>' after USING."],
      ['EXECUTE TASK root RETRY FIRST', 'FIRST', "Expected LAST or GRAPH RUN GROUP '<id>' after RETRY."],
      ['EXECUTE TASK root RETRY GRAPH RUN GROUP 7', '7', "Expected the graph run group's id as a string."],
      ['EXECUTE TASK root AWAIT RETRY LAST', 'RETRY', "Expected [USING CONFIG = '…'] [RETRY LAST | RETRY GRAPH RUN GROUP '…'] [AWAIT], in that order."],
    ])('reports the syntax error in %s', (sql, at, hint) => expectSyntax(sql, at, hint));
  });

  describe('DROP, DESCRIBE and SHOW TASKS', () => {
    it('reads DROP TASK [IF EXISTS] and DESCRIBE | DESC TASK', () => {
      expect(parseTaskStatement('DROP TASK IF EXISTS s.t;')).toEqual({ kind: 'drop_task', ifExists: true, name: name('T', 'S') });
      expect(parseTaskStatement('drop task "t"')).toEqual({ kind: 'drop_task', ifExists: false, name: name('t') });
      expect(parseTaskStatement('DESCRIBE TASK db.s.t')).toEqual({ kind: 'describe_task', name: name('T', 'S', 'DB') });
      expect(parseTaskStatement('desc task t')).toEqual({ kind: 'describe_task', name: name('T') });
      expectSyntax('DROP TASK t CASCADE', 'CASCADE', 'Expected the end of the statement after the task name.');
      expectSyntax('DESC TASK', null, 'Expected a task name.');
    });

    it('reads SHOW [TERSE] TASKS with every clause', () => {
      expect(parseTaskStatement('SHOW TASKS')).toEqual({
        kind: 'show_tasks',
        terse: false,
        like: null,
        in: null,
        startsWith: null,
        rootOnly: false,
        limit: null,
      });
      expect(parseTaskStatement("show terse tasks like 'nightly%' in account starts with 'NIGHTLY_A' root only limit 10")).toEqual({
        kind: 'show_tasks',
        terse: true,
        like: 'nightly%',
        in: { kind: 'account' },
        startsWith: 'NIGHTLY_A',
        rootOnly: true,
        limit: 10,
      });
    });

    it('reads each IN scope, with and without a name', () => {
      const scope = (sql: string) => (parseTaskStatement(sql) as { in: unknown }).in;
      expect(scope('SHOW TASKS IN DATABASE')).toEqual({ kind: 'database', name: null });
      expect(scope('SHOW TASKS IN DATABASE mydb LIMIT 5')).toEqual({ kind: 'database', name: 'MYDB' });
      expect(scope('SHOW TASKS IN SCHEMA ROOT ONLY')).toEqual({ kind: 'schema', name: null });
      expect(scope('SHOW TASKS IN SCHEMA mydb.s')).toEqual({ kind: 'schema', name: name('S', 'MYDB') });
      expect(scope('SHOW TASKS IN s STARTS WITH \'A\'')).toEqual({ kind: 'schema', name: name('S') });
    });

    it('reports bad clauses where they are', () => {
      expectRefused('SHOW TASKS LIMIT 0', '0', 'LIMIT must be 1 or more, not 0.');
      expectSyntax('SHOW TASKS IN SCHEMA a.b.c', 'a', 'A schema name has at most two parts: database.schema.');
      expectSyntax("SHOW TASKS IN 'db'", "'db'", 'Expected ACCOUNT, DATABASE, SCHEMA or a schema name after IN.');
      expectSyntax(
        "SHOW TASKS ROOT ONLY LIKE 'a%'",
        'LIKE',
        'Expected [LIKE …] [IN …] [STARTS WITH …] [ROOT ONLY] [LIMIT n], in that order.',
      );
    });
  });

  describe('the SYSTEM$ task functions', () => {
    it('reads the task name from the string and names the column after the call, upper-cased', () => {
      expect(parseTaskStatement("SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('db.s.t')")).toEqual({
        kind: 'task_dependents_enable',
        name: name('T', 'S', 'DB'),
        column: "SYSTEM$TASK_DEPENDENTS_ENABLE('DB.S.T')",
      });
      expect(parseTaskStatement(`select system$user_task_cancel_ongoing_executions('s."My task"');`)).toEqual({
        kind: 'cancel_ongoing_executions',
        name: name('My task', 'S'),
        column: `SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS('S."MY TASK"')`,
      });
    });

    it('names the column by its alias when one is given, as job-functions does', () => {
      expect(parseTaskStatement("SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('t') AS enabled")).toMatchObject({ column: 'ENABLED' });
      expect(parseTaskStatement(`SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('t') "Done"`)).toMatchObject({ column: 'Done' });
    });

    it('reports a name that is not one, and other arguments, where they are', () => {
      expectRefused(
        "SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('db..t')",
        "'db..t'",
        "SYSTEM$TASK_DEPENDENTS_ENABLE: 'db..t' is not a name of the form [database.][schema.]name.",
      );
      expectSyntax(
        'SELECT SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS(t)',
        't',
        "SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS takes the task's name as a string, such as 'db.schema.task'.",
      );
      expectSyntax("SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('t', 1)", ',', "SYSTEM$TASK_DEPENDENTS_ENABLE takes one argument, the task's name.");
      expectSyntax("SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('t'), 1", ',', 'Expected a column alias or the end of the statement.');
    });
  });
});

describe('parseObjectNameText', () => {
  it('resolves each part as an identifier: bare upper-cased, quoted as written', () => {
    expect(parseObjectNameText('db.s."My task"')).toEqual(name('My task', 'S', 'DB'));
    expect(parseObjectNameText(' my_task ')).toEqual(name('MY_TASK'));
    expect(parseObjectNameText('"a.b"."c"')).toEqual(name('c', 'a.b'));
  });

  it.each([
    ['a..b', 2, "'.'"],
    ['', 0, "'<EOF>'"],
    ['a.b.c.d', 5, "'.'"],
    ['my task', 3, "'task'"],
  ])('refuses %j at position %i', (text, position, unexpected) => {
    const error = statementError(parseObjectNameText, text);
    expect(error.position).toBe(position);
    expect(error.snowflake.message).toBe(
      `SQL compilation error:\nsyntax error line 1 at position ${position} unexpected ${unexpected}.\n'${text}' is not a name of the form [database.][schema.]name.`,
    );
  });
});
