import 'server-only';
/** Cancelling what Flurry launched: a running query, or a job service. */
import { STATUS_TIMEOUT_MS, type Borrow } from './borrow';
import { internalAnswer } from './internal-statements';
import { serviceIdentifier } from './sql';

export function cancelCalls(use: Borrow) {
  return {
    /** Asks the warehouse to cancel a query; resolves with its answer (e.g. "query … terminated."). */
    cancelQuery(queryId: string): Promise<string> {
      return use('the cancel request', STATUS_TIMEOUT_MS, async (connection) =>
        String((await internalAnswer(connection, 'SELECT SYSTEM$CANCEL_QUERY(?)', [queryId])) ?? ''),
      );
    },

    /**
     * Cancels a job service. SYSTEM$CANCEL_JOB keeps the job and its history visible as
     * CANCELLED; DROP SERVICE would remove it (and ALTER SERVICE does not apply to jobs, see
     * https://docs.snowflake.com/en/developer-guide/snowpark-container-services/working-with-services).
     */
    cancelJobService(serviceName: string): Promise<string> {
      const service = serviceIdentifier(serviceName);
      return use('the cancel request', STATUS_TIMEOUT_MS, async (connection) =>
        String((await internalAnswer(connection, 'SELECT SYSTEM$CANCEL_JOB(?)', [service])) ?? ''),
      );
    },
  };
}
