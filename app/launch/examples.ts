/**
 * Snippets the Launch page offers to insert, each runnable as-is on either warehouse. An example
 * whose statements depend on the ones before (CREATE TASK … AFTER) says so with `mode`.
 */
export const SQL_EXAMPLES: readonly { name: string; sql: string; mode?: 'sequence' }[] = [
  {
    name: 'Three waits',
    sql: "CALL SYSTEM$WAIT(1);\nSELECT SYSTEM$WAIT(2);\nCALL SYSTEM$WAIT(3, 'SECONDS');",
  },
  {
    // Snowflake's async example: three loads of 2 s, then three updates of 1 s. In parallel it
    // takes about 2 s, in sequence about 9 s: the Timeline shows both.
    name: 'Six-step pipeline',
    sql: [
      "-- load orders\nCALL SYSTEM$WAIT(2);",
      "-- load customers\nCALL SYSTEM$WAIT(2);",
      "-- load products\nCALL SYSTEM$WAIT(2);",
      "-- update orders\nCALL SYSTEM$WAIT(1);",
      "-- update customers\nCALL SYSTEM$WAIT(1);",
      "-- update products\nCALL SYSTEM$WAIT(1);",
    ].join('\n'),
  },
  {
    name: 'Generate 1,000 rows',
    sql: 'SELECT SEQ4() AS N FROM TABLE(GENERATOR(ROWCOUNT => 1000));',
  },
  {
    name: 'Run for a minute',
    sql: 'SELECT COUNT(*) FROM TABLE(GENERATOR(TIMELIMIT => 60));',
  },
  {
    // The documented task graph (https://docs.snowflake.com/en/user-guide/tasks-graphs): B and C run
    // in parallel after A, D after both. B takes longest, so A → B → D is the critical path on its graph page.
    name: 'Task graph',
    mode: 'sequence',
    sql: [
      // A graph changes only while its root is suspended (same page), so running this again works too.
      'ALTER TASK IF EXISTS EXAMPLE_A SUSPEND;',
      'CREATE OR REPLACE TASK EXAMPLE_A AS SELECT 1;',
      'CREATE OR REPLACE TASK EXAMPLE_B AFTER EXAMPLE_A AS CALL SYSTEM$WAIT(3);',
      'CREATE OR REPLACE TASK EXAMPLE_C AFTER EXAMPLE_A AS CALL SYSTEM$WAIT(1);',
      'CREATE OR REPLACE TASK EXAMPLE_D AFTER EXAMPLE_B, EXAMPLE_C AS SELECT 4;',
      "SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('EXAMPLE_A');",
      'EXECUTE TASK EXAMPLE_A;',
    ].join('\n'),
  },
  {
    // The documented behaviours of asynchronous child jobs
    // (https://docs.snowflake.com/en/developer-guide/snowflake-scripting/asynchronous-child-jobs):
    // each procedure is a parent job whose statements run as child queries of their own.
    name: 'Procedure: status of a running child',
    mode: 'sequence',
    sql: `CREATE OR REPLACE PROCEDURE EXAMPLE_CHILD_STATUS()
RETURNS VARCHAR
LANGUAGE SQL
AS
$$
BEGIN
  LET rs RESULTSET := ASYNC (CALL SYSTEM$WAIT(3));
  LET running VARCHAR := SYSTEM$GET_RESULTSET_STATUS(rs);
  AWAIT rs;
  RETURN 'before AWAIT: ' || running || ', after: ' || SYSTEM$GET_RESULTSET_STATUS(rs);
END;
$$;
CALL EXAMPLE_CHILD_STATUS();`,
  },
  {
    name: 'Procedure: cancel a child before it inserts',
    mode: 'sequence',
    sql: `CREATE TABLE IF NOT EXISTS EXAMPLE_INSERTS (NOTE VARCHAR);
CREATE OR REPLACE PROCEDURE EXAMPLE_CANCEL_CHILD()
RETURNS VARCHAR
LANGUAGE SQL
AS
$$
BEGIN
  LET rs RESULTSET := ASYNC (INSERT INTO EXAMPLE_INSERTS SELECT 'cancelled child' FROM (SELECT SYSTEM$WAIT(3)));
  CANCEL rs;
  RETURN SYSTEM$GET_RESULTSET_STATUS(rs);
END;
$$;
CALL EXAMPLE_CANCEL_CHILD();
SELECT COUNT(*) AS CANCELLED_ROWS FROM EXAMPLE_INSERTS WHERE NOTE = 'cancelled child';`,
  },
  {
    name: 'Procedure: AWAIT a child',
    mode: 'sequence',
    sql: `CREATE OR REPLACE PROCEDURE EXAMPLE_AWAIT_CHILD()
RETURNS VARCHAR
LANGUAGE SQL
AS
$$
BEGIN
  LET rs RESULTSET := ASYNC (SELECT SYSTEM$WAIT(2) AS WAITED);
  AWAIT rs;
  LET c CURSOR FOR rs;
  FOR r IN c DO
    RETURN r.WAITED;
  END FOR;
END;
$$;
CALL EXAMPLE_AWAIT_CHILD();`,
  },
  {
    // Fails on purpose: a RESULTSET whose ASYNC query was not awaited cannot be returned.
    name: 'Procedure: return an unfinished child (fails)',
    mode: 'sequence',
    sql: `CREATE OR REPLACE PROCEDURE EXAMPLE_EARLY_RETURN()
RETURNS TABLE (WAITED VARCHAR)
LANGUAGE SQL
AS
$$
BEGIN
  LET rs RESULTSET := ASYNC (SELECT SYSTEM$WAIT(2) AS WAITED);
  RETURN TABLE(rs);
END;
$$;
CALL EXAMPLE_EARLY_RETURN();`,
  },
  {
    name: 'Procedure: the parent ends first',
    mode: 'sequence',
    sql: `CREATE TABLE IF NOT EXISTS EXAMPLE_INSERTS (NOTE VARCHAR);
CREATE OR REPLACE PROCEDURE EXAMPLE_PARENT_ENDS_FIRST()
RETURNS VARCHAR
LANGUAGE SQL
AS
$$
BEGIN
  ASYNC (INSERT INTO EXAMPLE_INSERTS SELECT 'orphaned child' FROM (SELECT SYSTEM$WAIT(3)));
  RETURN 'returned before its child could insert: the child is cancelled';
END;
$$;
CALL EXAMPLE_PARENT_ENDS_FIRST();`,
  },
  {
    // The six-step pipeline inside one procedure: six children of 2, 2, 2, 1, 1 and 1 s run at
    // once, so the CALL takes about 2 s, not 9.
    name: 'Procedure: six-children pipeline',
    mode: 'sequence',
    sql: `CREATE OR REPLACE PROCEDURE EXAMPLE_PIPELINE()
RETURNS VARCHAR
LANGUAGE SQL
AS
$$
BEGIN
  ASYNC (CALL SYSTEM$WAIT(2)); -- load orders
  ASYNC (CALL SYSTEM$WAIT(2)); -- load customers
  ASYNC (CALL SYSTEM$WAIT(2)); -- load products
  ASYNC (CALL SYSTEM$WAIT(1)); -- update orders
  ASYNC (CALL SYSTEM$WAIT(1)); -- update customers
  ASYNC (CALL SYSTEM$WAIT(1)); -- update products
  AWAIT ALL;
  RETURN 'six children done';
END;
$$;
CALL EXAMPLE_PIPELINE();`,
  },
  {
    name: 'Recent query history',
    sql: 'SELECT QUERY_ID, EXECUTION_STATUS, START_TIME, END_TIME\nFROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY())\nORDER BY START_TIME DESC\nLIMIT 20;',
  },
];
