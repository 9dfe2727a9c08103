'use client';
import { useQuery } from '@tanstack/react-query';
import { useLiveStatus } from '@/lib/hooks/live-status';
import type { Health } from '@/lib/domain/job';
import { healthQuery } from '@/lib/queries';

/** Which account, and the role and warehouse its queries run as. */
function describeWarehouse(health: Health): string {
  const where = health.warehouse === 'local' ? 'local warehouse' : health.account;
  return [where, health.role, health.warehouseName].filter(Boolean).join(' · ');
}

const LIVE_TEXT = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…' } as const;

/** Which warehouse the dashboard talks to, whether it answers, and whether updates stream in. */
export function HealthIndicator() {
  const { data, error, isPending } = useQuery(healthQuery);
  const live = useLiveStatus();
  const ok = data?.ok === true && !error;
  const label = isPending ? 'checking warehouse…' : data ? describeWarehouse(data) : 'dashboard server unreachable';
  const problem = error?.message ?? data?.error ?? null;

  return (
    <div className="flex items-center gap-3 text-xs" data-testid="health">
      <span
        role="status"
        title={problem ?? (ok ? 'The warehouse answers.' : undefined)}
        className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 font-medium ${
          isPending
            ? 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400'
            : ok
              ? 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300'
              : 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300'
        }`}
      >
        <span
          aria-hidden
          className={`size-2 rounded-full ${isPending ? 'bg-zinc-400' : ok ? 'bg-emerald-500' : 'bg-red-500'}`}
        />
        {label}
        {!isPending && !ok ? <span className="sr-only"> (not answering)</span> : null}
      </span>
      <span className="hidden text-zinc-500 sm:inline" title="Live updates from the dashboard server">
        {LIVE_TEXT[live]}
      </span>
    </div>
  );
}
