import 'server-only';
/**
 * How every warehouse call gets its connection: borrowed from the pool (which retries a call
 * that met a dead session once on a new one) under a deadline, so a warehouse that stops
 * answering fails the call as unavailable instead of holding it forever.
 */
import { withTimeout } from './driver-errors';
import type { WarehousePool } from './pool';
import type { Connection } from './sdk';

/** Submissions: the warehouse only has to accept the statement, not run it. */
export const SUBMIT_TIMEOUT_MS = 20_000;
/** Monitoring reads, SHOW commands, cancels and other one-row answers. */
export const STATUS_TIMEOUT_MS = 10_000;
export const PING_TIMEOUT_MS = 5_000;
/** Reads that scan history or fetch results, which can take a while on a busy account. */
export const READ_TIMEOUT_MS = 60_000;

/** Lends a pooled connection to `work`; `what` names the call in the timeout's message. */
export type Borrow = <T>(what: string, ms: number, work: (connection: Connection) => Promise<T>) => Promise<T>;

export function borrowFrom(pool: WarehousePool): Borrow {
  return (what, ms, work) => withTimeout(pool.withConnection(work), ms, what);
}
