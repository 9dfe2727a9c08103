'use client';
import type { Job } from '@/lib/domain/job';
import { formatDuration, jobDurationMs } from '@/lib/domain/format';
import { isTerminal } from '@/lib/domain/status';
import { useNow } from '@/lib/hooks/use-now';

/** How long a job ran, ticking every second while it runs. */
export function LiveDuration({ job }: { job: Pick<Job, 'phase' | 'startedAt' | 'endedAt'> }) {
  const ticking = !isTerminal(job.phase) && job.startedAt !== null && job.endedAt === null;
  const now = useNow(ticking);
  const ms = jobDurationMs(job, now);
  if (ms === null) return <span className="text-zinc-400 dark:text-zinc-600">—</span>;
  return <span className="tabular-nums">{formatDuration(ms)}</span>;
}
