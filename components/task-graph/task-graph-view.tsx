'use client';
import '@xyflow/react/dist/style.css';
import { Controls, MiniMap, ReactFlow, useReactFlow, type FitViewOptions, type MiniMapNodeProps, type NodeChange, type NodeTypes } from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { graphStructure, layoutStructure, structureKey, type GraphLayout } from '@/lib/domain/task-graph/layout';
import { flowElements, keepUnchanged, selectionChange, type FlowElements, type GraphViewTask, type TaskEdge, type TaskNode, type TaskRuns } from './flow-elements';
import { GraphLegend } from './graph-legend';
import { GRAPH_COLOUR_VARS, MINIMAP_FILL } from './graph-style';
import { GraphNowContext, TaskNodeComponent } from './task-node';

export interface TaskGraphViewProps {
  /** The graph's tasks, names fully qualified; a TaskDefinition[] will do. */
  tasks: readonly GraphViewTask[];
  /** The selected run's task rows by full name; a task absent did not run in it. Memoise it. */
  runs: TaskRuns;
  /** The selected run's critical path, task names in run order. Memoise it. */
  criticalPath: readonly string[];
  selected: string | null;
  /** A task picked (click, Enter, Space), or null when let go (Escape, a click on the empty pane). */
  onSelect: (name: string | null) => void;
  /** Epoch ms; ticks the durations of EXECUTING tasks. */
  now: number;
  /** Accessible name of the canvas, e.g. the root task's name. */
  label?: string;
  /** Sizes the view; the canvas fills what the legend leaves. */
  className?: string;
}

// Module-level, so React Flow sees the same objects on every render.
const NODE_TYPES: NodeTypes = { task: TaskNodeComponent };
const FIT_VIEW: FitViewOptions = { padding: 0.1, maxZoom: 1 };
/** Low enough that fitView shows a 1000-task graph whole. */
const MIN_ZOOM = 0.02;

function minimapClass(node: TaskNode): string {
  return MINIMAP_FILL[node.data.phase ?? 'not_run'];
}

const MinimapNode = memo(function MinimapNode({ x, y, width, height, className }: MiniMapNodeProps) {
  return <rect x={x} y={y} width={width} height={height} rx={6} className={className} />;
});

/** The layout survives any change that keeps the structure: a run's status never moves a node. */
function useStructure(tasks: readonly GraphViewTask[]) {
  const last = useRef<GraphLayout | null>(null);
  return useMemo(() => {
    const structure = graphStructure({ tasks });
    const layout = last.current?.key === structureKey(structure) ? last.current : layoutStructure(structure);
    last.current = layout;
    return { structure, layout };
  }, [tasks]);
}

/** fitView on mount comes from the prop; this one fits again when the structure changes. */
function RefitOnStructureChange({ layoutKey }: { layoutKey: string }) {
  const { fitView } = useReactFlow();
  const fitted = useRef(layoutKey);
  useEffect(() => {
    if (fitted.current === layoutKey) return;
    fitted.current = layoutKey;
    void fitView(FIT_VIEW);
  }, [layoutKey, fitView]);
  return null;
}

type CanvasProps = Omit<TaskGraphViewProps, 'now' | 'className' | 'label'> & { label: string };

/** Memoised, so the clock's tick reaches only the running nodes' durations, through context. */
const TaskGraphCanvas = memo(function TaskGraphCanvas({ tasks, runs, criticalPath, selected, onSelect, label }: CanvasProps) {
  const { structure, layout } = useStructure(tasks);
  const previous = useRef<FlowElements | null>(null);
  const elements = useMemo(() => {
    const next = keepUnchanged(previous.current, flowElements({ tasks, structure, layout, runs, criticalPath, selected }));
    previous.current = next;
    return next;
  }, [tasks, structure, layout, runs, criticalPath, selected]);

  const onNodesChange = useCallback(
    (changes: NodeChange<TaskNode>[]) => {
      const picked = selectionChange(changes);
      if (picked !== undefined) onSelect(picked);
    },
    [onSelect],
  );

  return (
    <ReactFlow<TaskNode, TaskEdge>
      nodes={elements.nodes}
      edges={elements.edges}
      nodeTypes={NODE_TYPES}
      onNodesChange={onNodesChange}
      onlyRenderVisibleElements
      fitView
      fitViewOptions={FIT_VIEW}
      minZoom={MIN_ZOOM}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      edgesReconnectable={false}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      defaultMarkerColor={null}
      colorMode="system"
      aria-label={label}
    >
      <RefitOnStructureChange layoutKey={layout.key} />
      <MiniMap<TaskNode> pannable zoomable nodeClassName={minimapClass} nodeComponent={MinimapNode} ariaLabel={`Overview of ${label}`} />
      <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
    </ReactFlow>
  );
});

const subscribeNever = () => () => {};

/**
 * False on the server and while hydrating. The canvas waits for it: React Flow sizes itself to
 * its container and reads the system colour scheme, neither of which the server knows, and a
 * 1000-task layout is no work for a server render to do.
 */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

/**
 * A task graph as a DAG, laid out once per structure (dagre, left to right) with the selected
 * run's state, durations and critical path patched in. Needs a height: give `className` one,
 * or a parent that sizes it.
 */
export function TaskGraphView({ now, label = 'Task graph', className = 'h-[36rem]', ...canvas }: TaskGraphViewProps) {
  const hydrated = useHydrated();
  return (
    <div data-task-graph className={`flex flex-col gap-2 ${GRAPH_COLOUR_VARS} ${className}`}>
      <GraphLegend />
      <div className="min-h-0 flex-1 overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
        {canvas.tasks.length === 0 ? (
          <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">This graph has no tasks.</p>
        ) : hydrated ? (
          <GraphNowContext value={now}>
            <TaskGraphCanvas {...canvas} label={label} />
          </GraphNowContext>
        ) : null}
      </div>
    </div>
  );
}
