/**
 * The import of work launched outside Flurry (FLURRY_EXTERNAL_QUERIES): when it runs, and what
 * it costs. It reads INFORMATION_SCHEMA.QUERY_HISTORY every 10 s. On the local warehouse that is
 * free, so it is on and runs all the time. On a Snowflake account each read is a query, and
 * "warehouses are required for queries" (https://docs.snowflake.com/en/user-guide/warehouses-overview):
 * a read resumes a suspended warehouse, which bills per second with a 60-second minimum each time
 * it starts (https://docs.snowflake.com/en/user-guide/warehouses-considerations), so reads every
 * 10 s would keep it running around the clock. There it is off unless switched on, and then runs
 * only while a page of the dashboard is open.
 */

/** What switching the import on costs on a Snowflake account, in the words the settings and log use. */
export const EXTERNAL_QUERIES_COST =
  'Reads QUERY_HISTORY every 10 s while a page is open; each read resumes your warehouse if it is suspended, which bills at least 60 s of credits per resume.';

/** Never, always (the local warehouse), or only while a page is open (a Snowflake account). */
export type ExternalQueriesRun = 'off' | 'always' | 'while-a-page-is-open';

/** Whether the import is on when FLURRY_EXTERNAL_QUERIES is not set: only where it costs nothing. */
export function externalQueriesByDefault(onSnowflake: boolean): boolean {
  return !onSnowflake;
}

/** How the switched-on import runs against the configured warehouse. */
export function externalQueriesRun(switchedOn: boolean, onSnowflake: boolean): ExternalQueriesRun {
  if (!switchedOn) return 'off';
  return onSnowflake ? 'while-a-page-is-open' : 'always';
}
