/** Snippets the Launch page offers to insert, each runnable as-is on either warehouse. */
export const SQL_EXAMPLES = [
  {
    name: 'Three waits',
    sql: "CALL SYSTEM$WAIT(1);\nSELECT SYSTEM$WAIT(2);\nCALL SYSTEM$WAIT(3, 'SECONDS');",
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
