import type { Phase } from '@/lib/domain/status';

export const PHASE_LABELS: Record<Phase, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  skipped: 'Skipped',
};

const PHASE_STYLES: Record<Phase, { badge: string; dot: string }> = {
  queued: {
    badge: 'bg-zinc-100 text-zinc-700 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700',
    dot: 'bg-zinc-400',
  },
  running: {
    badge: 'bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-800',
    dot: 'bg-sky-500 animate-pulse',
  },
  succeeded: {
    badge: 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-800',
    dot: 'bg-emerald-500',
  },
  failed: {
    badge: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-300 dark:ring-red-800',
    dot: 'bg-red-500',
  },
  cancelled: {
    badge: 'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-800',
    dot: 'bg-amber-500',
  },
  skipped: {
    badge: 'bg-zinc-50 text-zinc-500 ring-zinc-200 dark:bg-zinc-900 dark:text-zinc-400 dark:ring-zinc-700',
    dot: 'bg-zinc-300 dark:bg-zinc-600',
  },
};

/** The phase in colour, with the warehouse's raw status always beside it (see lib/domain/status.ts). */
export function StatusBadge({ phase, rawStatus }: { phase: Phase; rawStatus: string }) {
  const style = PHASE_STYLES[phase];
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap" data-phase={phase}>
      <span
        className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.badge}`}
      >
        <span aria-hidden className={`size-1.5 rounded-full ${style.dot}`} />
        {PHASE_LABELS[phase]}
      </span>
      <span className="font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{rawStatus}</span>
    </span>
  );
}
