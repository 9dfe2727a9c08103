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
    name: 'Recent query history',
    sql: 'SELECT QUERY_ID, EXECUTION_STATUS, START_TIME, END_TIME\nFROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY())\nORDER BY START_TIME DESC\nLIMIT 20;',
  },
];
