/**
 * The job list is read once per change, whatever the number of tabs asking: the soak found every
 * open tab's refetch after the same change re-sorting every job. Reused answers must never hide
 * a write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from './registry';
import { openTempRegistry, removeTempRegistry } from './registry-fixture';

let dir: string;
let registry: Registry;

beforeEach(async () => {
  ({ dir, registry } = await openTempRegistry());
});
afterEach(() => removeTempRegistry(dir, registry));

const launch = (...statements: string[]) =>
  registry.createBatch({ label: null, mode: 'parallel', jobs: statements.map((sql) => ({ sql, kind: 'query' as const })) });

describe('Registry job lists', () => {
  it('gives the same answer to every reader until something is written', async () => {
    await launch('SELECT 1', 'SELECT 2');
    const [first, second] = await Promise.all([registry.listJobs(), registry.listJobs()]);
    expect(second).toBe(first);
    expect(await registry.listJobs()).toBe(first);
    expect(first.total).toBe(2);
  });

  it('reads again after a launch and after a status change', async () => {
    const { jobs } = await launch('SELECT 1');
    const before = await registry.listJobs();
    await launch('SELECT 2');
    const launched = await registry.listJobs();
    expect(launched.total).toBe(before.total + 1);

    await registry.recordSubmissions([{ jobId: jobs[0].id, queryId: 'q-1', at: 2_000 }]);
    await registry.recordStatusChanges([{ jobId: jobs[0].id, rawStatus: 'RUNNING', at: 2_100 }]);
    const changed = await registry.listJobs();
    expect(changed).not.toBe(launched);
    expect(changed.jobs.find((job) => job.id === jobs[0].id)?.phase).toBe('running');
  });

  it('keeps one answer per filter', async () => {
    const { jobs } = await launch('SELECT 1', 'SELECT 2');
    await registry.recordSubmissions([{ jobId: jobs[0].id, queryId: 'q-1', at: 2_000 }]);
    await registry.recordStatusChanges([{ jobId: jobs[0].id, rawStatus: 'RUNNING', at: 2_100 }]);
    const running = await registry.listJobs({ phases: ['running'] });
    const all = await registry.listJobs();
    expect(running.jobs.map((job) => job.id)).toEqual([jobs[0].id]);
    expect(all.total).toBe(2);
    expect(await registry.listJobs({ phases: ['running'] })).toBe(running);
  });

  it('never keeps an answer read while a write committed', async () => {
    await launch('SELECT 1');
    const reading = registry.listJobs();
    const writing = launch('SELECT 2');
    await Promise.all([reading, writing]);
    expect((await registry.listJobs()).total).toBe(2);
  });
});
