/**
 * Which queries a caller may reach by id, as Snowflake decides it. A query the caller may not
 * reach is answered exactly as one that does not exist, so its id tells a stranger nothing.
 *
 * - Results (GET /queries/{id}/result, RESULT_SCAN): only the user who ran the query, from any of
 *   their sessions; "even a user with the ACCOUNTADMIN role cannot access the results of another
 *   user's query" (https://docs.snowflake.com/en/sql-reference/functions/result_scan).
 * - Status and cancel (monitoring, abort-request, SYSTEM$CANCEL_QUERY): the user who ran it, or a
 *   session in the ACCOUNTADMIN role (https://docs.snowflake.com/en/sql-reference/functions/system_cancel_query).
 *   The dashboard follows and cancels queries other clients ran this way.
 */
import type { SessionContext } from './types';

type Caller = Pick<SessionContext, 'user' | 'role'>;
type Owned = Pick<SessionContext, 'user'>;

export function mayReadResult(caller: Pick<Caller, 'user'>, query: Owned): boolean {
  return caller.user === query.user;
}

export function mayWatch(caller: Caller, query: Owned): boolean {
  return caller.user === query.user || caller.role.toUpperCase() === 'ACCOUNTADMIN';
}
