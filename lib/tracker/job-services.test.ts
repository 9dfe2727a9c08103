/**
 * The tracker following job services on the real local warehouse: launched from the form's
 * input and pasted as SQL, named by the warehouse, polled with one SHOW JOB SERVICES for all,
 * failures explained by their containers, cancel keeping the job visible, logs readable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specYaml, EMPTY_CONTAINER } from '@/lib/domain/job-service-form';
import type { Job } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';
import { cancelJobs } from '@/lib/jobs/cancel';
import { launchBatch } from '@/lib/jobs/launch';
import { launchJobService } from '@/lib/jobs/launch-job-service';
import { jobContainers, jobLog } from '@/lib/jobs/service-reads';
import { execute } from '@/lib/warehouse/sdk';
import { jobsWhen, startDashboardParts, type DashboardParts } from '@/test/dashboard-parts';
import { Tracker } from './tracker';

const POOL = 'FLURRY_TRACKER_POOL';
const IMAGE = '/flurry/public/images/flurry_test:latest';

let parts: DashboardParts;

beforeAll(async () => {
  // A container is PID 1 of its sandbox: a SIGTERM that lands before its handler is installed is
  // ignored, as in any container, and the grace period ends it. Snowflake's 30 s would outlast the test.
  parts = await startDashboardParts({ jobGraceMs: 2_000 });
  await parts.pool.withConnection((connection) =>
    execute(connection, `CREATE COMPUTE POOL IF NOT EXISTS ${POOL} MIN_NODES = 1 MAX_NODES = 2 INSTANCE_FAMILY = CPU_X64_S`),
  );
});

afterAll(async () => {
  await parts?.close();
});

const spec = (args: string) => specYaml({ ...EMPTY_CONTAINER, image: IMAGE, args: args.split(' ').join('\n') });

function launch(name: string | null, args: string, replicas = 1) {
  return launchJobService({ computePool: POOL, name, replicas, async: true, spec: spec(args), label: name }, parts);
}

const untilEnded = async (jobId: string, timeout = 30_000): Promise<Job> =>
  (await jobsWhen(() => parts.registry.getJobs([jobId]), (job) => isTerminal(job.phase), timeout))[0];

describe('the tracker and job services', () => {
  it('follows a launched job from PENDING to DONE under its qualified name, and its log stays readable', async () => {
    const { jobIds } = await launch('tracker_done', '--lines 4 --sleep 2');
    const [id] = jobIds;
    const job = await untilEnded(id);
    expect(job).toMatchObject({ kind: 'job_service', rawStatus: 'DONE', phase: 'succeeded', errorMessage: null });
    expect(job.service).toMatchObject({ resolved: true, computePool: POOL, replicas: 1 });
    expect(job.service?.name).toMatch(/\.TRACKER_DONE$/);
    const detail = await parts.registry.getJob(id);
    expect(detail?.transitions.map((t) => t.rawStatus)).toEqual(['WAITING', 'PENDING', 'RUNNING', 'DONE']);
    expect(parts.events.filter((event) => event.type === 'job' && event.jobId === id).map((event) => event.type === 'job' && event.rawStatus)).toContain('DONE');

    const [container] = await jobContainers(id, parts);
    expect(container).toMatchObject({ instanceId: '0', containerName: 'main', status: 'DONE', lastExitCode: 0 });
    const log = await jobLog(id, { instanceId: '0', containerName: 'main', lines: 100 }, parts);
    // stdout and stderr (every third line) are two pipes: their lines may interleave either way.
    expect(log.lines[0]).toBe('flurry_test started (job index 0)');
    expect(log.lines.at(-1)).toBe('flurry_test exiting with 0');
    expect([...log.lines].sort()).toEqual(['flurry_test exiting with 0', 'flurry_test started (job index 0)', 'line 1', 'line 2', 'line 3', 'line 4']);
    const tail = await jobLog(id, { instanceId: '0', containerName: 'main', lines: 2 }, parts);
    expect(tail.lines).toHaveLength(2);
    expect(tail.lines[1]).toBe('flurry_test exiting with 0');
  });

  it('records why a job failed, from its containers', async () => {
    const { jobIds } = await launch('tracker_fails', '--exit 3');
    const job = await untilEnded(jobIds[0]);
    expect(job).toMatchObject({ rawStatus: 'FAILED', phase: 'failed' });
    expect(job.errorMessage).toContain('Container main (instance 0) exited with code 3');
  });

  it('fails a job whose statement the warehouse refuses, with the warehouse’s error', async () => {
    const { jobIds } = await launchJobService({ computePool: 'NO_SUCH_POOL', name: 'tracker_no_pool', replicas: 1, async: true, spec: spec('--sleep 1'), label: null }, parts);
    const job = await untilEnded(jobIds[0]);
    expect(job).toMatchObject({ rawStatus: 'SUBMIT_FAILED', phase: 'failed' });
    expect(job.errorMessage).toMatch(/NO_SUCH_POOL/);
  });

  it('cancels a running job with SYSTEM$CANCEL_JOB, which keeps it listed as CANCELLED', async () => {
    const { jobIds } = await launch('tracker_cancel', '--sleep 60');
    const [id] = jobIds;
    await jobsWhen(() => parts.registry.getJobs([id]), (job) => job.rawStatus === 'RUNNING', 20_000);
    expect(await cancelJobs([id], parts)).toEqual({ cancelled: [id], alreadyEnded: [], failed: [] });
    const job = await untilEnded(id);
    expect(job).toMatchObject({ rawStatus: 'CANCELLED', phase: 'cancelled' });
    const listed = await parts.warehouse.showJobServices();
    expect(listed.find((row) => row.qualifiedName === job.service?.name)?.status).toBe('CANCELLED');
  });

  it('watches the job a pasted ASYNC statement starts, even one Snowflake names itself', async () => {
    const sql = `EXECUTE JOB SERVICE IN COMPUTE POOL ${POOL} ASYNC = TRUE FROM SPECIFICATION $$\n${spec('--sleep 1')}$$;\nSELECT 1`;
    const started = Date.now();
    const { batchId } = await launchBatch({ sql, mode: 'parallel', label: 'pasted' }, parts);
    const [service, query] = await parts.registry.batchJobs(batchId);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect([service.kind, query.kind]).toEqual(['job_service', 'query']);
    expect(service.service).toMatchObject({ name: null, computePool: POOL });
    const ended = await untilEnded(service.id);
    expect(ended).toMatchObject({ rawStatus: 'DONE', phase: 'succeeded' });
    expect(ended.service?.name).toMatch(/\.JOB_[\w-]+$/);
  });

  it('reads the status of every job with one SHOW JOB SERVICES per round, not one per job', async () => {
    let reads = 0;
    let inFlight = 0;
    let overlapped = false;
    const warehouse = {
      ...parts.warehouse,
      showJobServices: async () => {
        reads++;
        overlapped ||= inFlight > 0;
        inFlight++;
        try {
          return await parts.warehouse.showJobServices();
        } finally {
          inFlight--;
        }
      },
    };
    const tracker = new Tracker({ registry: parts.registry, warehouse, bus: parts.bus });
    await tracker.start();
    try {
      const started = Date.now();
      const launched = await Promise.all(
        ['one', 'two', 'three', 'four'].map((n) => launchJobService({ computePool: POOL, name: `tracker_many_${n}`, replicas: 1, async: true, spec: spec('--sleep 3'), label: null }, { registry: parts.registry, tracker })),
      );
      const ids = launched.flatMap((result) => result.jobIds);
      const jobs = await jobsWhen(() => parts.registry.getJobs(ids), (job) => isTerminal(job.phase), 40_000);
      expect(jobs.map((job) => job.rawStatus)).toEqual(['DONE', 'DONE', 'DONE', 'DONE']);
      // At most one read a second whatever the number of jobs (plus the first and the last round).
      expect(reads).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 1_000) + 2);
      expect(overlapped).toBe(false);
    } finally {
      await tracker.stop();
    }
  });
});
