'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Breadcrumb } from '@/components/breadcrumb';
import { buttonClass } from '@/components/button';
import { PageHeader } from '@/components/page-header';
import { PHASE_LABELS } from '@/components/status-badge';
import { TimelineView } from '@/components/timeline/timeline-view';
import { countOf, shortId } from '@/lib/domain/format';
import type { TimelineEntry } from '@/lib/domain/job';
import { PHASES, isTerminal } from '@/lib/domain/status';
import { useServerNow } from '@/lib/hooks/use-server-now';
import { jobQueries } from '@/lib/queries';

function PhaseCounts({ entries }: { entries: readonly TimelineEntry[] }) {
  const counts = PHASES.map((phase) => [phase, entries.filter((entry) => entry.phase === phase).length] as const).filter(([, count]) => count > 0);
  return (
    <p data-phase-counts className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
      {counts.map(([phase, count]) => `${count} ${PHASE_LABELS[phase].toLowerCase()}`).join(' · ')}
    </p>
  );
}

/** A batch: what it ran, how it went, and its timeline. */
export function BatchClient({ id }: { id: string }) {
  const timeline = useQuery(jobQueries.timeline({ batchId: id }));
  const entries = timeline.data?.entries ?? [];
  const unfinished = entries.some((entry) => !isTerminal(entry.phase));
  const now = useServerNow(timeline.data?.now, unfinished);
  const first = entries[0];
  const title = first?.batchLabel ?? `Batch ${shortId(id)}`;

  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ href: '/jobs', label: 'Jobs' }]} current={`Batch ${shortId(id)}`} />

      <PageHeader
        title={title}
        subtitle={first ? `${countOf(entries.length, 'job')}, launched ${first.batchMode === 'sequence' ? 'in sequence' : 'in parallel'}` : null}
        actions={
          <>
            <Link href={`/jobs?batch=${encodeURIComponent(id)}`} className={buttonClass('secondary')}>
              Jobs table
            </Link>
            <Link href={`/timeline?batch=${encodeURIComponent(id)}`} className={buttonClass('secondary')}>
              Compare with another batch
            </Link>
          </>
        }
      >
        <PhaseCounts entries={entries} />
      </PageHeader>

      {timeline.error ? (
        <p role="alert" className="font-medium text-red-700 dark:text-red-400">
          Could not load this batch: {timeline.error.message}
        </p>
      ) : !timeline.data ? (
        <p className="py-10 text-center text-zinc-500">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="py-10 text-center font-medium">No batch has this id.</p>
      ) : (
        <TimelineView sets={[{ title, entries }]} now={now} headings={false} />
      )}
    </div>
  );
}
