/** Snippets the Launch page offers to insert, each runnable as-is on either warehouse. */
export const SQL_EXAMPLES = [
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
    name: 'Recent query history',
    sql: 'SELECT QUERY_ID, EXECUTION_STATUS, START_TIME, END_TIME\nFROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY())\nORDER BY START_TIME DESC\nLIMIT 20;',
  },
] as const;
