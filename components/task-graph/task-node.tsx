'use client';
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { createContext, memo, useContext, type ReactNode } from 'react';
import { StatusBadge } from '@/components/status-badge';
import { formatDuration } from '@/lib/domain/format';
import type { TaskNode, TaskNodeData } from './flow-elements';
import { FinalizerMark, SuspendedMark } from './graph-marks';
import { PHASE_BG } from './graph-style';

/**
 * The clock for running tasks' durations. Only the Elapsed of an EXECUTING node reads it, so a
 * tick re-renders those few and not the whole graph.
 */
export const GraphNowContext = createContext(0);

function Elapsed({ since }: { since: number }) {
  const now = useContext(GraphNowContext);
  return <span className="tabular-nums">{formatDuration(now - since)}</span>;
}

/**
 * Below this zoom a node's text is too small to read, so it is drawn as a block of its phase's
 * colour: a whole 1000-task graph then costs one element per node. The selector returns a
 * boolean, so nodes re-render only when the zoom crosses it.
 */
const DETAIL_ZOOM = 0.45;
const showsDetail = (state: ReactFlowState) => state.transform[2] >= DETAIL_ZOOM;

function Mark({ icon, label }: { icon: ReactNode; label: string }) {
  return (
    <span title={label} className="shrink-0 text-zinc-500 dark:text-zinc-400">
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}

const BOX =
  'relative h-full w-full overflow-hidden rounded-md text-zinc-900 dark:text-zinc-100 ' +
  'in-focus-visible:outline-2 in-focus-visible:outline-offset-2 in-focus-visible:outline-sky-500';
const SURFACE = 'bg-white dark:bg-zinc-900';
const BORDER = 'border border-zinc-300 dark:border-zinc-700';
const CRITICAL_BORDER = 'border-2 border-violet-600 dark:border-violet-400';
const SELECTED_RING = 'ring-2 ring-sky-500 ring-offset-2 ring-offset-zinc-50 dark:ring-offset-zinc-950';
/**
 * Edges need handles to attach to; nobody draws new edges here, so they stay invisible. They sit
 * outside the bordered box so they land where flow-elements declares them.
 */
const HANDLE = 'opacity-0';

function Detail({ data }: { data: TaskNodeData }) {
  return (
    <div className="flex h-full flex-col justify-center gap-1 py-1 pl-3 pr-2">
      <span aria-hidden className={`absolute inset-y-0 left-0 w-1 ${PHASE_BG[data.phase ?? 'not_run']}`} />
      <div className="flex min-w-0 items-center gap-1.5">
        <span title={data.name} className="min-w-0 flex-1 truncate text-sm font-medium">
          {data.shortName}
        </span>
        {data.suspended ? <Mark icon={<SuspendedMark />} label="Suspended" /> : null}
        {data.finalizer ? <Mark icon={<FinalizerMark />} label="Finalizer" /> : null}
      </div>
      <div className="flex min-w-0 items-center justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        <span title={data.state ?? undefined} className="min-w-0 overflow-hidden">
          {data.state && data.phase ? <StatusBadge phase={data.phase} rawStatus={data.state} /> : <span>Did not run</span>}
        </span>
        <span className="shrink-0">
          {data.runningSince !== null ? (
            <Elapsed since={data.runningSince} />
          ) : data.durationMs !== null ? (
            <span className="tabular-nums">{formatDuration(data.durationMs)}</span>
          ) : null}
        </span>
      </div>
    </div>
  );
}

function TaskNodeView({ data, selected }: NodeProps<TaskNode>) {
  const detailed = useStore(showsDetail);
  const look = `${BOX} ${data.critical ? CRITICAL_BORDER : BORDER} ${selected ? SELECTED_RING : ''}`;
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className={HANDLE} />
      <div data-task-node data-state={data.state ?? 'NOT_RUN'} className={`${look} ${detailed || !data.phase ? SURFACE : PHASE_BG[data.phase]}`}>
        {detailed ? <Detail data={data} /> : null}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} className={HANDLE} />
    </>
  );
}

export const TaskNodeComponent = memo(TaskNodeView);
