import 'server-only';
/**
 * Pairs the items of a bulk warehouse call with their answers. A call that failed as a whole
 * (no connection, timeout) fails every item the same way. The failures arrive sorted into the
 * two kinds the tracker treats differently (see lib/warehouse/errors.ts): the warehouse calls
 * sort each item's (lib/warehouse/driver-errors.ts) and the pool a whole call's.
 */
import type { WarehouseError, WarehouseUnavailableError } from '@/lib/warehouse/errors';

type WarehouseFailure = WarehouseError | WarehouseUnavailableError;

export type Outcome<T, R> = { item: T; value: R; failure: null } | { item: T; value: null; failure: WarehouseFailure };

export async function outcomesOf<T, R>(items: readonly T[], call: Promise<PromiseSettledResult<R>[]>): Promise<Outcome<T, R>[]> {
  const settled = await call.catch((error: unknown) => items.map((): PromiseSettledResult<R> => ({ status: 'rejected', reason: error })));
  return items.map((item, index) => {
    const outcome = settled[index];
    return outcome.status === 'fulfilled'
      ? { item, value: outcome.value, failure: null }
      : { item, value: null, failure: outcome.reason as WarehouseFailure };
  });
}
