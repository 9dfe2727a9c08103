/**
 * How the Graph view draws states, the critical path and finalizer links, in one place so the
 * nodes, edges, minimap and legend agree. Edge styles are constant objects: React Flow compares
 * edges by reference, and a fresh style object per poll would re-render every edge.
 */
import { MarkerType, type EdgeMarker } from '@xyflow/react';
import type { CSSProperties } from 'react';
import type { Phase } from '@/lib/domain/status';
import { RUNNING_FILL } from '@/components/timeline/bar-style';

/** A node's colour (its stripe, or the whole box when zoomed out): its phase in the selected run, none when it did not run in it. */
export const PHASE_BG: Record<Phase | 'not_run', string> = {
  queued: 'bg-zinc-400 dark:bg-zinc-500',
  running: 'bg-sky-500 dark:bg-sky-400',
  succeeded: 'bg-emerald-500 dark:bg-emerald-400',
  failed: 'bg-red-500 dark:bg-red-400',
  cancelled: 'bg-amber-500 dark:bg-amber-400',
  skipped: 'bg-zinc-300 dark:bg-zinc-600',
  not_run: 'bg-transparent',
};

/** The minimap paints nodes as the Timeline paints bars. */
export const MINIMAP_FILL: Record<Phase | 'not_run', string> = {
  ...RUNNING_FILL,
  not_run: 'fill-zinc-200 dark:fill-zinc-700',
};

/**
 * Colours as CSS variables set on the view's root, so inline edge styles and SVG markers follow
 * the system's dark mode like the Tailwind classes do.
 */
export const GRAPH_COLOUR_VARS =
  '[--task-graph-critical:var(--color-violet-600)] dark:[--task-graph-critical:var(--color-violet-400)] ' +
  '[--xy-edge-stroke:var(--color-zinc-400)] dark:[--xy-edge-stroke:var(--color-zinc-500)]';

const CRITICAL_STROKE = 'var(--task-graph-critical)';
const DASH = '6 4';

export interface EdgeLook {
  style?: CSSProperties;
  markerEnd: EdgeMarker;
}

const ARROW: EdgeMarker = { type: MarkerType.ArrowClosed };
const CRITICAL_ARROW: EdgeMarker = { type: MarkerType.ArrowClosed, color: CRITICAL_STROKE };

export const EDGE_LOOK = {
  after: { markerEnd: ARROW },
  afterCritical: { style: { stroke: CRITICAL_STROKE, strokeWidth: 3 }, markerEnd: CRITICAL_ARROW },
  dashed: { style: { strokeDasharray: DASH }, markerEnd: ARROW },
  dashedCritical: { style: { stroke: CRITICAL_STROKE, strokeWidth: 3, strokeDasharray: DASH }, markerEnd: CRITICAL_ARROW },
} as const satisfies Record<string, EdgeLook>;
