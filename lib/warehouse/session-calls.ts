import 'server-only';
/** What the health badge asks of the warehouse: does a session answer, and as whom. */
import { textOrNull } from '@/lib/domain/service-rows';
import { PING_TIMEOUT_MS, STATUS_TIMEOUT_MS, type Borrow } from './borrow';
import { internalRows } from './internal-statements';
import type { Connection } from './sdk';

export function sessionCalls(use: Borrow) {
  return {
    /**
     * The role and warehouse the dashboard's sessions actually use: the account's defaults when
     * the connection names none. Cloud services answer it without a running warehouse.
     */
    identity(): Promise<{ role: string | null; warehouseName: string | null }> {
      return use('an identity read', STATUS_TIMEOUT_MS, async (connection) => {
        const [row] = await internalRows(connection, 'SELECT CURRENT_ROLE() AS ROLE_NAME, CURRENT_WAREHOUSE() AS WAREHOUSE_NAME');
        return { role: textOrNull(row?.ROLE_NAME), warehouseName: textOrNull(row?.WAREHOUSE_NAME) };
      });
    },

    /** Resolves when the warehouse answers a session heartbeat (no warehouse time). */
    ping(): Promise<void> {
      return use('a heartbeat', PING_TIMEOUT_MS, async (connection) => {
        // The driver's own heartbeat (its connection.d.ts; isValidAsync wraps it and hides why it
        // failed): a session the warehouse has forgotten, because it restarted, fails with a
        // session error, so the pool replaces the connection instead of handing it out again.
        await (connection as Connection & { heartbeatAsync(): Promise<unknown> }).heartbeatAsync();
      });
    },
  };
}
