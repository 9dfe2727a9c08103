import 'server-only';
/**
 * How the server sets up its tracker for the configured warehouse. Against a Snowflake account
 * nothing the tracker runs on its own needs a warehouse: status polls use the monitoring API and
 * the heartbeat the session endpoint, neither a statement. The one timed statement, the import
 * of other clients' queries (a QUERY_HISTORY read every 10 s), runs there only when switched on
 * and only while a page is open, i.e. while some tab listens to the change events.
 */
import type { FlurryConfig } from '@/lib/config';
import { EXTERNAL_QUERIES_COST, externalQueriesRun } from '@/lib/config/external-queries';
import type { TrackerOptions } from './tracker';

export function trackerOptionsFor(cfg: FlurryConfig, parts: Pick<TrackerOptions, 'registry' | 'warehouse' | 'bus'>): TrackerOptions {
  const run = externalQueriesRun(cfg.dashboard.externalQueries, cfg.snowflake !== null);
  if (run === 'off') return { ...parts };
  if (run === 'always') return { ...parts, externalQueries: {} };
  console.log(`[flurry] importing queries other clients ran (FLURRY_EXTERNAL_QUERIES=on): ${EXTERNAL_QUERIES_COST}`);
  const { bus } = parts;
  return { ...parts, externalQueries: { onlyWhile: () => bus.listenerCount() > 0 } };
}
