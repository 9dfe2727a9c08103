'use client';
import { useQuery } from '@tanstack/react-query';
import { useLiveStatus } from '@/lib/hooks/live-status';
import { formatDuration } from '@/lib/domain/format';
import type { Health, HealthReport } from '@/lib/domain/job';
import { healthQuery } from '@/lib/queries';

/** Which account, and the role and warehouse its queries run as. */
function describeWarehouse(health: Health): string {
  const where = health.warehouse === 'local' ? 'local warehouse' : health.account;
  return [where, health.role, health.warehouseName].filter(Boolean).join(' · ');
}

/**
 * The warehouse time Flurry's own statements (history reads, SHOW …, not the user's work) took
 * today, so an idle dashboard can be seen costing nothing.
 */
function OwnStatements({ tally }: { tally: HealthReport['ownStatements'] }) {
  const title = `Statements Flurry ran for its own bookkeeping on ${tally.day} (UTC), not your work: ${tally.statements}, taking ${formatDuration(tally.elapsedMs)} in all. On a Snowflake account this is time they held a warehouse.`;
  return (
    <span className="hidden text-zinc-500 md:inline" title={title} data-testid="own-statements">
      own statements today: {formatDuration(tally.elapsedMs)}
    </span>
  );
}

const LIVE_TEXT = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…' } as const;

type HealthState = 'checking' | 'ok' | 'warehouse-down' | 'dashboard-down';

/**
 * Which warehouse the dashboard talks to, whether it answers, and whether updates stream in.
 * An outage shows in words as well as in red, and clears by itself: the tracker reports the
 * warehouse going and coming back as change events, which refetch this badge.
 */
export function HealthIndicator() {
  const { data, error, isPending } = useQuery(healthQuery);
  const live = useLiveStatus();
  // A failed read of /api/health is the dashboard not answering; the last answer may be older.
  const state: HealthState = isPending ? 'checking' : error ? 'dashboard-down' : data?.ok ? 'ok' : 'warehouse-down';
  const label =
    state === 'checking'
      ? 'checking warehouse…'
      : state === 'dashboard-down' || !data
        ? 'dashboard server unreachable'
        : describeWarehouse(data);
  const problem = error?.message ?? data?.error ?? null;

  return (
    <div className="flex items-center gap-3 text-xs" data-testid="health" data-state={state}>
      <span
        role="status"
        title={problem ?? (state === 'ok' ? 'The warehouse answers.' : undefined)}
        className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 font-medium ${
          state === 'checking'
            ? 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400'
            : state === 'ok'
              ? 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300'
              : 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300'
        }`}
      >
        <span
          aria-hidden
          className={`size-2 rounded-full ${state === 'checking' ? 'bg-zinc-400' : state === 'ok' ? 'bg-emerald-500' : 'bg-red-500'}`}
        />
        {label}
        {state === 'warehouse-down' ? <span> · not answering</span> : null}
      </span>
      {data?.ownStatements ? <OwnStatements tally={data.ownStatements} /> : null}
      <span className="hidden text-zinc-500 sm:inline" title="Live updates from the dashboard server">
        {LIVE_TEXT[live]}
      </span>
    </div>
  );
}
