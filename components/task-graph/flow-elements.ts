/**
 * The Graph view's React Flow nodes and edges: positions from a layout made once per graph
 * structure, with the selected run's status, the critical path and the selection patched in,
 * so nodes stay put while runs progress (Airflow 3 keeps structure and status apart the same
 * way). Pure, so a status change is tested to move nothing.
 */
import { Position, type Edge, type Node, type NodeChange, type NodeHandle } from '@xyflow/react';
import { taskRunPhase, type Phase } from '@/lib/domain/status';
import type { GraphTask } from '@/lib/domain/task-graph/graph';
import { NODE_SIZE } from '@/lib/domain/task-graph/layout';
import type { GraphLayout, GraphStructure } from '@/lib/domain/task-graph/structure';
import type { TaskRunState } from '@/lib/domain/task-graph/run-semantics';
import type { TaskDefinition } from '@/lib/domain/tasks/task-definition';
import { EDGE_LOOK, type EdgeLook } from './graph-style';

/** What the view needs of a task: a TaskDefinition has it all. */
export type GraphViewTask = GraphTask & Pick<TaskDefinition, 'shortName'>;

/** One task's row of TASK_HISTORY in the selected run; times are epoch ms. */
export interface TaskRun {
  state: TaskRunState;
  startedAt: number | null;
  completedAt: number | null;
}

/** By full task name; a task absent did not run in that run. */
export type TaskRuns = Readonly<Record<string, TaskRun>>;

export type TaskNodeData = {
  name: string;
  shortName: string;
  /** Null when the task did not run in the selected run. */
  state: TaskRunState | null;
  phase: Phase | null;
  /** How long a finished run took. */
  durationMs: number | null;
  /** Set while EXECUTING, so the node ticks its own duration instead of every node changing each second. */
  runningSince: number | null;
  suspended: boolean;
  finalizer: boolean;
  critical: boolean;
};

export type TaskNode = Node<TaskNodeData, 'task'>;

/**
 * `after`: an AFTER relation. `finalizer`: root → the finalizer that FINALIZEs it, which is not
 * an AFTER relation. `waited`: a critical-path step with no edge drawn between its tasks (the
 * finalizer waits for the last task to finish, whichever it is).
 */
export type TaskEdgeKind = 'after' | 'finalizer' | 'waited';

export type TaskEdgeData = { kind: TaskEdgeKind; critical: boolean };

export type TaskEdge = Edge<TaskEdgeData>;

export interface FlowInput {
  tasks: readonly GraphViewTask[];
  /** graphStructure(tasks); its layout-only edges (leaves → finalizer) are not drawn. */
  structure: GraphStructure;
  layout: GraphLayout;
  runs: TaskRuns;
  /** Task names in run order. */
  criticalPath: readonly string[];
  selected: string | null;
}

export interface FlowElements {
  nodes: TaskNode[];
  edges: TaskEdge[];
}

const HANDLE_SIZE = 6;

/**
 * Handles declared up front, where React Flow's CSS puts them, so edges to nodes that were never
 * rendered (onlyRenderVisibleElements) still have ends, and fitView need not wait for measuring.
 */
const HANDLES: NodeHandle[] = [
  { type: 'target', position: Position.Left, x: -HANDLE_SIZE / 2, y: (NODE_SIZE.height - HANDLE_SIZE) / 2, width: HANDLE_SIZE, height: HANDLE_SIZE },
  { type: 'source', position: Position.Right, x: NODE_SIZE.width - HANDLE_SIZE / 2, y: (NODE_SIZE.height - HANDLE_SIZE) / 2, width: HANDLE_SIZE, height: HANDLE_SIZE },
];

export function flowElements(input: FlowInput): FlowElements {
  return { nodes: flowNodes(input), edges: flowEdges(input) };
}

function flowNodes({ tasks, layout, runs, criticalPath, selected }: FlowInput): TaskNode[] {
  const onPath = new Set(criticalPath);
  const nodes: TaskNode[] = [];
  for (const task of firstOfEachName(tasks)) {
    const box = layout.nodes[task.name];
    if (!box) continue;
    const data = nodeData(task, runs[task.name], onPath.has(task.name));
    nodes.push({
      id: task.name,
      type: 'task',
      position: { x: box.x, y: box.y },
      data,
      width: NODE_SIZE.width,
      height: NODE_SIZE.height,
      measured: NODE_SIZE,
      handles: HANDLES,
      selected: task.name === selected,
      ariaLabel: ariaLabel(data),
    });
  }
  // Tab follows the picture: left to right, then top to bottom.
  return nodes.sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y);
}

/** The first definition of a name wins, as graphStructure reads it. */
function firstOfEachName(tasks: readonly GraphViewTask[]): GraphViewTask[] {
  const byName = new Map<string, GraphViewTask>();
  for (const task of tasks) if (!byName.has(task.name)) byName.set(task.name, task);
  return [...byName.values()];
}

function nodeData(task: GraphViewTask, run: TaskRun | undefined, critical: boolean): TaskNodeData {
  const startedAt = run?.startedAt ?? null;
  const completedAt = run?.completedAt ?? null;
  return {
    name: task.name,
    shortName: task.shortName,
    state: run?.state ?? null,
    phase: run ? taskRunPhase(run.state) : null,
    durationMs: startedAt !== null && completedAt !== null ? completedAt - startedAt : null,
    runningSince: run?.state === 'EXECUTING' ? startedAt : null,
    suspended: task.state === 'suspended',
    finalizer: Boolean(task.finalize),
    critical,
  };
}

function ariaLabel(data: TaskNodeData): string {
  const notes = [
    data.state ?? 'did not run',
    data.suspended ? 'suspended' : null,
    data.finalizer ? 'finalizer' : null,
    data.critical ? 'on the critical path' : null,
  ];
  return [data.shortName, ...notes.filter((note) => note !== null)].join(', ');
}

const pairKey = (from: string, to: string) => JSON.stringify([from, to]);

function flowEdges({ tasks, structure, layout, runs, criticalPath }: FlowInput): TaskEdge[] {
  const criticalPairs = new Set(criticalPath.slice(1).map((to, i) => pairKey(criticalPath[i], to)));
  const drawn = new Set<string>();
  const edges: TaskEdge[] = [];
  const add = (from: string, to: string, kind: TaskEdgeKind) => {
    const key = pairKey(from, to);
    if (drawn.has(key) || !layout.nodes[from] || !layout.nodes[to]) return;
    drawn.add(key);
    const critical = criticalPairs.has(key);
    edges.push({
      id: JSON.stringify([kind, from, to]),
      source: from,
      target: to,
      data: { kind, critical },
      animated: critical && runs[to]?.state === 'EXECUTING',
      selectable: false,
      focusable: false,
      // No wide invisible path to catch clicks: edges here are not clickable, and 1000 of them cost.
      interactionWidth: 0,
      ...edgeLook(kind, critical),
    });
  };
  for (const edge of structure.edges) if (edge.kind === 'after') add(edge.from, edge.to, 'after');
  for (const task of firstOfEachName(tasks)) if (task.finalize) add(task.finalize, task.name, 'finalizer');
  for (let i = 1; i < criticalPath.length; i++) add(criticalPath[i - 1], criticalPath[i], 'waited');
  // Drawn last, so the path is never hidden under the edges it crosses.
  return [...edges.filter((e) => !e.data?.critical), ...edges.filter((e) => e.data?.critical)];
}

function edgeLook(kind: TaskEdgeKind, critical: boolean): EdgeLook {
  if (kind === 'after') return critical ? EDGE_LOOK.afterCritical : EDGE_LOOK.after;
  return critical ? EDGE_LOOK.dashedCritical : EDGE_LOOK.dashed;
}

/**
 * `next`, with every node and edge equal to its previous version replaced by that version.
 * React Flow re-renders a node when its object changes, so a poll that changes one task's
 * state re-renders one node, not a thousand.
 */
export function keepUnchanged(previous: FlowElements | null, next: FlowElements): FlowElements {
  if (!previous) return next;
  return { nodes: reuse(previous.nodes, next.nodes), edges: reuse(previous.edges, next.edges) };
}

function reuse<T extends { id: string }>(previous: readonly T[], next: T[]): T[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  const merged = next.map((item) => {
    const old = byId.get(item.id);
    return old && sameElement(old, item) ? old : item;
  });
  return merged.length === previous.length && merged.every((item, i) => item === previous[i]) ? (previous as T[]) : merged;
}

/** Equal field by field, looking one level into `data` and `position`, the fields rebuilt each time. */
function sameElement(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(right);
  if (keys.length !== Object.keys(left).length) return false;
  return keys.every((key) => left[key] === right[key] || ((key === 'data' || key === 'position') && shallowEqual(left[key], right[key])));
}

function shallowEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(right);
  return keys.length === Object.keys(left).length && keys.every((key) => Object.is(left[key], right[key]));
}

/**
 * What a batch of React Flow changes means for the selection: a task picked (click, Enter or
 * Space on a focused node), null when it was let go (Escape, a click on the empty pane), or
 * undefined when the batch is not about selection.
 */
export function selectionChange(changes: readonly NodeChange<TaskNode>[]): string | null | undefined {
  let result: string | null | undefined;
  for (const change of changes) {
    if (change.type !== 'select') continue;
    if (change.selected) return change.id;
    result = null;
  }
  return result;
}
