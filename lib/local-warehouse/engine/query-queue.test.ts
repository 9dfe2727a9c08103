import { describe, expect, it } from 'vitest';
import { QueryQueue } from './query-queue';

/** A query that runs until `finish` is called, recording when it started. */
function held(started: string[], id: string) {
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { run: () => (started.push(id), done), finish: () => finish() };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('QueryQueue', () => {
  it("holds a warehouse's queries at its level while another warehouse's pass them, within the engine's slots", async () => {
    const levels: Record<string, number> = { A: 1, B: 2 };
    const queue = new QueryQueue(3, (warehouse) => levels[warehouse]);
    const started: string[] = [];
    const queries = Object.fromEntries(['a1', 'a2', 'b1', 'b2', 'b3'].map((id) => [id, held(started, id)]));
    for (const id of ['a1', 'a2', 'b1', 'b2', 'b3']) queue.enqueue(id, id[0].toUpperCase(), queries[id].run);
    expect(started).toEqual(['a1', 'b1', 'b2']);
    expect(queue.load('A')).toEqual({ running: 1, queued: 1 });
    expect(queue.load('B')).toEqual({ running: 2, queued: 1 });

    queries.b1.finish();
    await settle();
    // The engine's third slot is free, but A is at its level: the next B query takes it.
    expect(started).toEqual(['a1', 'b1', 'b2', 'b3']);

    levels.A = 2;
    queue.levelsChanged();
    expect(started).toEqual(['a1', 'b1', 'b2', 'b3']);
    queries.b2.finish();
    await settle();
    expect(started).toEqual(['a1', 'b1', 'b2', 'b3', 'a2']);
    expect(queue.load('A')).toEqual({ running: 2, queued: 0 });
  });

  it('starts a waiting query as soon as a raised level allows, and takes cancelled ones out of the line', () => {
    const levels: Record<string, number> = { A: 1 };
    const queue = new QueryQueue(4, (warehouse) => levels[warehouse]);
    const started: string[] = [];
    for (const id of ['a1', 'a2', 'a3']) queue.enqueue(id, 'A', held(started, id).run);
    expect(queue.remove('a2')).toBe(true);
    expect(queue.remove('a1')).toBe(false);
    levels.A = 4;
    queue.levelsChanged();
    expect(started).toEqual(['a1', 'a3']);
  });
});
