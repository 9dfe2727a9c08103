/** Graph builders shared by the task-graph tests. */
import type { GraphTask, TaskGraph } from './graph';

export function task(name: string, predecessors: string[] = [], extra: Partial<GraphTask> = {}): GraphTask {
  return { name, predecessors, state: 'started', ...extra };
}

/** The documented example: root A starts B and C in parallel, D after both; F finalizes A. */
export const diamondWithFinalizer: TaskGraph = {
  tasks: [task('A'), task('B', ['A']), task('C', ['A']), task('D', ['B', 'C']), task('F', [], { finalize: 'A' })],
};

/** A deterministic pseudo-random sequence in [0, 1), so generated graphs are the same every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/**
 * A data pipeline of `size` tasks (finalizer included), named DB.PIPE.*: a root fanning out layer
 * by layer (each layer up to 2.5× the one before, capped near 3√size wide), each task after one
 * task of the layer before it, one in six also after one to three tasks of earlier layers (joins),
 * and a finalizer. Within Snowflake's limits (100 children, 100 predecessors); the same graph for
 * the same size.
 */
export function pipelineGraph(size: number): TaskGraph {
  const next = random(size);
  const root = task('DB.PIPE.ROOT');
  const layers: string[][] = [[root.name]];
  const tasks = [root];
  const children = new Map<string, number>([[root.name, 0]]);
  const cap = Math.max(4, Math.round(3 * Math.sqrt(size)));
  let left = size - 2;
  while (left > 0) {
    const previous = layers[layers.length - 1];
    const width = Math.min(left, layers.length === 1 ? 4 : Math.min(cap, Math.ceil(previous.length * 2.5)));
    const layer: string[] = [];
    for (let i = 0; i < width; i++) {
      const name = `DB.PIPE.T${String(tasks.length).padStart(4, '0')}`;
      // Neighbours in a layer mostly share parents, as branches of one source do.
      const parent = previous[Math.min(previous.length - 1, Math.floor(((i + next() * 0.5) * previous.length) / width))];
      const predecessors = [parent];
      if (layers.length > 1 && next() < 1 / 6) {
        const joins = 1 + Math.floor(next() * 3);
        for (let j = 0; j < joins; j++) {
          const earlier = layers[1 + Math.floor(next() * (layers.length - 1))];
          const extra = earlier[Math.floor(next() * earlier.length)];
          if (!predecessors.includes(extra) && (children.get(extra) ?? 0) < 100) predecessors.push(extra);
        }
      }
      for (const predecessor of predecessors) children.set(predecessor, (children.get(predecessor) ?? 0) + 1);
      children.set(name, 0);
      tasks.push(task(name, predecessors));
      layer.push(name);
    }
    layers.push(layer);
    left -= width;
  }
  tasks.push(task('DB.PIPE.FINALIZE', [], { finalize: root.name }));
  return { tasks };
}
