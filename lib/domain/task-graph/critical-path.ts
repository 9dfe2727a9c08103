/**
 * The critical path of a task graph run: the chain from the root to the last task to finish
 * that decided when the run finished, i.e. the chain to shorten to make the run end sooner. Pure;
 * times are epoch milliseconds and `now` stands in for the end of a task still running.
 */
import { indexGraph, type TaskGraph } from './graph';

export interface TaskTimes {
  startedAt: number | null;
  /** Null while the task runs. */
  endedAt: number | null;
}

export interface PathStep {
  task: string;
  startedAt: number;
  endedAt: number;
  /** Time between the step before it ending and this one starting (0 for the first step). */
  waitedMs: number;
}

export interface CriticalPath {
  steps: PathStep[];
  /** First step's start to last step's end: the steps' running times plus their waits. */
  totalMs: number;
}

/**
 * Walks back from the last finisher, at each task taking the predecessor that ended last before
 * it started: the one it was waiting for. A finalizer waits for every other task, so all of them
 * count as its predecessors. Ties keep the earlier task (predecessor order, then graph order).
 */
export function criticalPath(graph: TaskGraph, times: Readonly<Record<string, TaskTimes>>, now: number): CriticalPath {
  const { byName } = indexGraph(graph);
  const ran = new Map<string, { startedAt: number; endedAt: number }>();
  for (const task of byName.values()) {
    const t = times[task.name];
    if (t?.startedAt != null) ran.set(task.name, { startedAt: t.startedAt, endedAt: t.endedAt ?? now });
  }
  let current = latest([...ran.keys()], ran, Infinity);
  const reversed: { task: string; startedAt: number; endedAt: number }[] = [];
  while (current !== null && !reversed.some((step) => step.task === current)) {
    const span = ran.get(current)!;
    reversed.push({ task: current, ...span });
    const task = byName.get(current);
    const waitedOn = task?.finalize ? [...ran.keys()].filter((name) => name !== current) : (task?.predecessors ?? []);
    current = latest(waitedOn, ran, span.startedAt);
  }
  const steps = reversed.reverse().map((step, i, all) => ({ ...step, waitedMs: i === 0 ? 0 : step.startedAt - all[i - 1].endedAt }));
  return { steps, totalMs: steps.length === 0 ? 0 : steps[steps.length - 1].endedAt - steps[0].startedAt };
}

/** The candidate that ended last at or before `by`; the first one wins a tie. */
function latest(candidates: readonly string[], ran: ReadonlyMap<string, { endedAt: number }>, by: number): string | null {
  let best: string | null = null;
  let bestEnd = -Infinity;
  for (const name of candidates) {
    const end = ran.get(name)?.endedAt;
    if (end !== undefined && end <= by && end > bestEnd) {
      best = name;
      bestEnd = end;
    }
  }
  return best;
}
