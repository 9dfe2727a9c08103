'use client';
import '@xyflow/react/dist/style.css';
import { Controls, MiniMap, ReactFlow, useReactFlow, type FitViewOptions, type MiniMapNodeProps, type NodeChange, type NodeTypes, type ReactFlowInstance } from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { layoutStructure } from '@/lib/domain/task-graph/layout';
import { graphStructure, structureKey, type GraphLayout, type GraphStructure } from '@/lib/domain/task-graph/structure';
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
const FIT_VIEW: FitViewOptions<TaskNode> = { padding: 0.1, maxZoom: 1 };
/** Low enough that fitView shows a 1000-task graph whole. */
const MIN_ZOOM = 0.02;

function minimapClass(node: TaskNode): string {
  return MINIMAP_FILL[node.data.phase ?? 'not_run'];
}

const MinimapNode = memo(function MinimapNode({ x, y, width, height, className }: MiniMapNodeProps) {
  return <rect x={x} y={y} width={width} height={height} rx={6} className={className} />;
});

/*
 * The User Timing entries here (task-graph:layout, task-graph:fitted) let bench/task-graph-render.ts
 * read what the page itself spent laying a graph out, and when the fitted graph was first drawn.
 */
function measuredLayout(structure: GraphStructure): GraphLayout {
  const start = performance.now();
  const layout = layoutStructure(structure);
  performance.measure('task-graph:layout', { start });
  return layout;
}

/**
 * From this many tasks a graph opens on its root's neighbourhood at a readable zoom instead of
 * fitted whole: fitted, every node is on screen at once (1000 tasks: 1000 nodes to draw, about
 * 1.4 s, and 15–20 frames a second to pan, bench/task-graph-render.ts) and too small to read.
 * The minimap shows the whole graph, and the Fit view control still fits it.
 */
export const OPEN_ON_ROOT_FROM = 300;
const NEIGHBOURHOOD_NODES = 24;

/** The root and the tasks laid out nearest it: what a big graph opens on. */
function openingNodes(layout: GraphLayout, root: string | undefined): { id: string }[] {
  const origin = root ? layout.nodes[root] : undefined;
  if (!origin) return [];
  return Object.entries(layout.nodes)
    .map(([id, box]) => ({ id, distance: Math.hypot(box.x - origin.x, box.y - origin.y) }))
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, NEIGHBOURHOOD_NODES)
    .map(({ id }) => ({ id }));
}

function openingView(layout: GraphLayout, root: string | undefined): FitViewOptions<TaskNode> {
  const nodes = openingNodes(layout, root);
  return nodes.length > 0 && Object.keys(layout.nodes).length >= OPEN_ON_ROOT_FROM ? { ...FIT_VIEW, nodes, minZoom: 0.5 } : FIT_VIEW;
}

/**
 * Fits once the viewport exists. The fitView prop fits when a node is first measured, and a big
 * graph seen at zoom 1 from the origin may have no node on screen to measure: it would stay
 * blank, unfitted. The mark (read by bench/task-graph-render.ts) is set in the frame that draws
 * the fitted nodes.
 */
function fitOnInit(flow: ReactFlowInstance<TaskNode, TaskEdge>, options: FitViewOptions<TaskNode>): void {
  void flow.fitView(options).then(() => requestAnimationFrame(() => performance.mark('task-graph:fitted')));
}

/** The layout survives any change that keeps the structure: a run's status never moves a node. */
function useStructure(tasks: readonly GraphViewTask[]) {
  const last = useRef<GraphLayout | null>(null);
  return useMemo(() => {
    const structure = graphStructure({ tasks });
    const layout = last.current?.key === structureKey(structure) ? last.current : measuredLayout(structure);
    last.current = layout;
    return { structure, layout };
  }, [tasks]);
}

/** Fits again when the structure changes (onInit fitted the first one). */
function RefitOnStructureChange({ layoutKey, options }: { layoutKey: string; options: FitViewOptions<TaskNode> }) {
  const { fitView } = useReactFlow<TaskNode, TaskEdge>();
  const fitted = useRef(layoutKey);
  useEffect(() => {
    if (fitted.current === layoutKey) return;
    fitted.current = layoutKey;
    void fitView(options);
  }, [layoutKey, options, fitView]);
  return null;
}

type CanvasProps = Omit<TaskGraphViewProps, 'now' | 'className' | 'label'> & { label: string };

/** Memoised, so the clock's tick reaches only the running nodes' durations, through context. */
const TaskGraphCanvas = memo(function TaskGraphCanvas({ tasks, runs, criticalPath, selected, onSelect, label }: CanvasProps) {
  const { structure, layout } = useStructure(tasks);
  const root = tasks.find((task) => task.predecessors.length === 0 && !task.finalize)?.name;
  const opening = useMemo(() => openingView(layout, root), [layout, root]);
  const onInit = useCallback((flow: ReactFlowInstance<TaskNode, TaskEdge>) => fitOnInit(flow, opening), [opening]);
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
      onInit={onInit}
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
      <RefitOnStructureChange layoutKey={layout.key} options={opening} />
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
