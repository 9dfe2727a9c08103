import 'server-only';
/**
 * Query statuses from the monitoring API (`getQueryStatusThrowIfError`), which costs no
 * warehouse time: the tracker's poll of every query it follows.
 */
import { mapLimited } from '@/lib/concurrency/map-limited';
import { textOrNull } from '@/lib/domain/service-rows';
import { STATUS_TIMEOUT_MS, type Borrow } from './borrow';
import { settledOnOneSession } from './driver-errors';
import type { Connection } from './sdk';

export interface QueryStatusReport {
  /** The raw status the warehouse reports (QUEUED, RUNNING, SUCCESS, FAILED_WITH_ERROR …). */
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
}

interface MonitoringFailure {
  data?: { data?: { queries?: { status?: string; errorCode?: unknown; errorMessage?: unknown }[] } };
}

async function statusOn(connection: Connection, queryId: string): Promise<QueryStatusReport> {
  try {
    const status = await connection.getQueryStatusThrowIfError(queryId);
    return { status, errorCode: null, errorMessage: null };
  } catch (error) {
    // The driver throws for failed and aborted queries; the query's own report rides along.
    const query = (error as MonitoringFailure).data?.data?.queries?.[0];
    if (!query?.status) throw error;
    return { status: query.status, errorCode: textOrNull(query.errorCode), errorMessage: textOrNull(query.errorMessage) };
  }
}

export function statusCalls(use: Borrow) {
  return {
    /** The query's status from the monitoring API, which costs no warehouse time. */
    queryStatus(queryId: string): Promise<QueryStatusReport> {
      return use('a status request', STATUS_TIMEOUT_MS, (connection) => statusOn(connection, queryId));
    },

    /**
     * Statuses of many queries on one connection, `parallelism` requests in flight, each settled
     * separately: the tracker's poll of every due query costs one borrow, not one per query.
     */
    queryStatuses(queryIds: readonly string[], parallelism: number): Promise<PromiseSettledResult<QueryStatusReport>[]> {
      return use('status requests', STATUS_TIMEOUT_MS, async (connection) => {
        const results = await mapLimited(queryIds, parallelism, (queryId) =>
          statusOn(connection, queryId).then(
            (value): PromiseSettledResult<QueryStatusReport> => ({ status: 'fulfilled', value }),
            (reason: unknown): PromiseSettledResult<QueryStatusReport> => ({ status: 'rejected', reason }),
          ),
        );
        return settledOnOneSession(results);
      });
    },
  };
}
