/**
 * Snowflake's date and time functions (DATEADD, DATEDIFF, LAST_DAY, DAYNAME, SYSDATE …).
 * https://docs.snowflake.com/en/sql-reference/functions-date-time
 */
import type { FunctionFamily } from './function-family';

export const dateTime: FunctionFamily = {
  macros: [
    // The current time in UTC as TIMESTAMP_NTZ, whatever the session's time zone.
    "CREATE OR REPLACE TEMP MACRO SYSDATE() AS timezone('UTC', current_timestamp)",
  ],
};
