import 'server-only';
/**
 * Submitting launched statements: each as an async query
 * (https://docs.snowflake.com/en/developer-guide/node-js/nodejs-driver-execute), under its
 * QUERY_TAG, resolved as soon as the warehouse has accepted it.
 */
import { SUBMIT_TIMEOUT_MS, type Borrow } from './borrow';
import { settledOnOneSession } from './driver-errors';
import { queryTagText, type QueryTag } from './query-tag';
import { submitAsync, type Connection } from './sdk';

export interface SubmitOptions {
  queryTag: QueryTag;
  /**
   * The driver's requestId: the warehouse answers a repeated submission with the first query
   * instead of running it twice, so a submission whose answer was lost can be sent again.
   */
  requestId?: string;
}

function submitOn(connection: Connection, sql: string, options: SubmitOptions): Promise<string> {
  return submitAsync(connection, sql, { parameters: { QUERY_TAG: queryTagText(options.queryTag) }, requestId: options.requestId });
}

export function submitCalls(use: Borrow) {
  return {
    /** Submits `sql` as an async query; resolves with its query id once the warehouse accepts it. */
    submitQuery(sql: string, options: SubmitOptions): Promise<string> {
      return use('the submission', SUBMIT_TIMEOUT_MS, (connection) => submitOn(connection, sql, options));
    },

    /**
     * Submits several async queries at once on one connection, so a batch reaches the warehouse
     * together instead of queueing for pooled connections. Settles each one separately.
     */
    submitQueries(items: readonly ({ sql: string } & SubmitOptions)[]): Promise<PromiseSettledResult<string>[]> {
      return use('the submissions', SUBMIT_TIMEOUT_MS, async (connection) => {
        const results = await Promise.allSettled(items.map((item) => submitOn(connection, item.sql, item)));
        // The requestIds make resubmitting those that did get through harmless.
        return settledOnOneSession(results);
      });
    },
  };
}
