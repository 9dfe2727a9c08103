/** The registry's Timeline read: compact bars, the same filters as the Jobs list, and a time window. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from './registry';
import { openTempRegistry, removeTempRegistry } from './registry-fixture';

let dir: string;
let registry: Registry;

beforeEach(async () => {
  ({ dir, registry } = await openTempRegistry());
});
afterEach(() => removeTempRegistry(dir, registry));

const launch = (statements: string[], label: string | null, at: number) =>
  registry.createBatch({ label, mode: 'parallel', jobs: statements.map((sql) => ({ sql, kind: 'query' as const })) }, at);

/** Submits a job at `submitted`, and ends it at `ended` unless that is null. */
async function run(jobId: string, submitted: number, ended: number | null): Promise<void> {
  await registry.recordSubmissions([{ jobId, queryId: `q-${jobId}`, at: submitted }]);
  await registry.recordStatusChanges([{ jobId, rawStatus: 'RUNNING', at: submitted + 10 }]);
  if (ended !== null) await registry.recordStatusChanges([{ jobId, rawStatus: 'SUCCESS', at: ended }]);
}

describe('Registry.timeline', () => {
  it('gives each job a one-line title and its times, without the full statement', async () => {
    const long = `SELECT\n  ${'x, '.repeat(100)}1`;
    const { jobs } = await launch(['CALL SYSTEM$WAIT(2)', long], 'pipeline', 1_000);
    await run(jobs[0].id, 1_100, 3_100);

    const { entries, total, now } = await registry.timeline({}, 100, 50_000);
    expect(total).toBe(2);
    expect(now).toBe(50_000);
    const first = entries.find((entry) => entry.id === jobs[0].id);
    expect(first).toEqual({
      id: jobs[0].id,
      kind: 'query',
      batchId: jobs[0].batchId,
      batchLabel: 'pipeline',
      batchMode: 'parallel',
      position: 0,
      title: 'CALL SYSTEM$WAIT(2)',
      rawStatus: 'SUCCESS',
      phase: 'succeeded',
      submittedAt: 1_100,
      startedAt: 1_110,
      endedAt: 3_100,
    });
    const second = entries.find((entry) => entry.id === jobs[1].id);
    expect(second?.title).toHaveLength(120);
    expect(second?.title.startsWith('SELECT x, x, ')).toBe(true);
    expect(second).toMatchObject({ submittedAt: null, startedAt: null, endedAt: null, phase: 'queued' });
  });

  it('keeps jobs that overlap the window: ended inside it, still running, or spanning it', async () => {
    const { jobs } = await launch(['SELECT 1', 'SELECT 2', 'SELECT 3', 'SELECT 4'], null, 1_000);
    await run(jobs[0].id, 1_000, 2_000); // ended before the window
    await run(jobs[1].id, 1_000, 5_500); // ended inside it
    await run(jobs[2].id, 1_000, null); // still running
    await run(jobs[3].id, 9_000, 9_500); // began after it
    const ids = async (since: number, until: number) =>
      (await registry.timeline({ since, until }, 100, 20_000)).entries.map((entry) => entry.position).sort();
    expect(await ids(5_000, 8_000)).toEqual([1, 2]);
    expect(await ids(0, 100_000)).toEqual([0, 1, 2, 3]);
    expect(await ids(9_600, 100_000)).toEqual([2]);
  });

  it('filters by label, batch, kind and phase, and sends only the latest up to the limit', async () => {
    const nightly = await launch(['SELECT 1', 'SELECT 2'], 'Nightly load', 1_000);
    const adhoc = await launch(['SELECT 3', 'SELECT 4', 'SELECT 5'], 'ad hoc', 2_000);
    await run(nightly.jobs[0].id, 1_000, 1_500);

    const labelled = await registry.timeline({ label: 'NIGHTLY' }, 100);
    expect(labelled.entries.map((entry) => entry.title)).toEqual(['SELECT 1', 'SELECT 2']);
    expect((await registry.timeline({ batchId: adhoc.batch.id }, 100)).total).toBe(3);
    expect((await registry.timeline({ phases: ['succeeded'] }, 100)).entries.map((entry) => entry.title)).toEqual(['SELECT 1']);
    expect((await registry.timeline({ kinds: ['job_service'] }, 100)).total).toBe(0);

    const latest = await registry.timeline({}, 2);
    expect(latest.total).toBe(5);
    expect(latest.entries.map((entry) => entry.title)).toEqual(['SELECT 3', 'SELECT 4']);
  });
});
