import { memo } from 'react';
import { PHASE_LABELS } from '@/components/status-badge';
import { PHASES } from '@/lib/domain/status';
import { PHASE_BG } from './graph-style';
import { FinalizerMark, SuspendedMark } from './graph-marks';

function Line({ dashed, critical }: { dashed?: boolean; critical?: boolean }) {
  return (
    <svg aria-hidden width="28" height="8" className="shrink-0">
      <line
        x1="0"
        y1="4"
        x2="28"
        y2="4"
        style={{ stroke: critical ? 'var(--task-graph-critical)' : 'var(--xy-edge-stroke)' }}
        strokeWidth={critical ? 3 : 1.5}
        strokeDasharray={dashed ? '6 4' : undefined}
      />
    </svg>
  );
}

const ITEM = 'inline-flex items-center gap-1.5';

/** What the node stripes, borders, marks and edge lines mean. */
export const GraphLegend = memo(function GraphLegend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      {PHASES.map((phase) => (
        <li key={phase} className={ITEM}>
          <span aria-hidden className={`h-3 w-1 rounded-sm ${PHASE_BG[phase]}`} />
          {PHASE_LABELS[phase]}
        </li>
      ))}
      <li className={ITEM}>
        <span aria-hidden className="h-3 w-1 rounded-sm ring-1 ring-inset ring-zinc-300 dark:ring-zinc-700" />
        Did not run
      </li>
      <li className={ITEM}>
        <span aria-hidden className="h-3 w-4 rounded-sm border-2 border-violet-600 dark:border-violet-400" />
        <Line critical />
        Critical path
      </li>
      <li className={ITEM}>
        <Line dashed />
        Finalizes root
      </li>
      <li className={ITEM}>
        <SuspendedMark />
        Suspended
      </li>
      <li className={ITEM}>
        <FinalizerMark />
        Finalizer
      </li>
    </ul>
  );
});
