import 'server-only';
/**
 * The dashboard's calls to its warehouse, typed, each on a pooled connection. The same calls and
 * the same SQL serve a Snowflake account and the local warehouse. Each group of calls lives in
 * its own module; this one puts them together over one pool.
 */
import { config } from '@/lib/config';
import { borrowFrom } from './borrow';
import { cancelCalls } from './cancel-calls';
import { historyCalls } from './history-calls';
import { sharedWarehousePool, type WarehousePool } from './pool';
import { resultCalls } from './result-calls';
import { serviceCalls } from './service-calls';
import { sessionCalls } from './session-calls';
import { statusCalls } from './status-calls';
import { submitCalls } from './submit-calls';
import { taskCalls } from './task-calls';

export function createWarehouseCalls(pool: WarehousePool) {
  const use = borrowFrom(pool);
  return {
    target: pool.target,
    ...submitCalls(use),
    ...statusCalls(use),
    ...cancelCalls(use),
    ...resultCalls(use),
    ...historyCalls(use),
    ...serviceCalls(use),
    ...taskCalls(use),
    ...sessionCalls(use),
  };
}

export type WarehouseCalls = ReturnType<typeof createWarehouseCalls>;

/** The server's warehouse calls over its one pool. */
export function warehouse(): WarehouseCalls {
  return createWarehouseCalls(sharedWarehousePool(config()));
}
