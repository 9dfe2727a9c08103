/**
 * Jobs of real processes from the built-in flurry_test image, against a real in-process
 * warehouse: injected environment over replicas, logs, status over instances, cancel, and a
 * container logging back in with OAuth.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';
import { ImageError, createImageStore } from './image-store';
import { createJobRuntime, readContainerLog, type JobLaunch, type JobRun, type JobRuntime } from './job-runtime';
import type { JobServiceStatus } from '@/lib/domain/spcs/job-status';

let warehouse: TestWarehouse;
let runtime: JobRuntime;
let root: string;
let jobs = 0;

beforeAll(async () => {
  warehouse = await startTestWarehouse();
  root = await mkdtemp(path.join(tmpdir(), 'flurry-jobs-'));
  runtime = createJobRuntime({
    images: createImageStore({ userDir: path.join(root, 'images') }),
    issueContainerToken: warehouse.issueContainerToken,
    warehouse: { host: '127.0.0.1', port: warehouse.port, account: 'local' },
    graceMs: 1000,
  });
});

afterAll(async () => {
  await runtime.close();
  await warehouse.close();
  await rm(root, { recursive: true, force: true });
});

function launch(spec: JobLaunch['spec'], replicas = 1) {
  const serviceName = `JOB_${++jobs}`;
  const statuses: JobServiceStatus[] = [];
  const options: JobLaunch = {
    serviceName,
    database: 'FLURRY',
    schema: 'PUBLIC',
    owner: { user: 'ANALYST', role: 'SYSADMIN', warehouse: 'COMPUTE_WH' },
    replicas,
    spec,
    jobDir: path.join(root, 'jobs', serviceName),
    onStatusChange: (status) => statuses.push(status),
  };
  return { options, statuses };
}

async function logText(run: JobRun, instanceId: number, container: string): Promise<string[]> {
  return (await run.readLog(instanceId, container)).map((line) => line.text);
}

async function untilLogged(run: JobRun, instanceId: number, container: string, text: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if ((await logText(run, instanceId, container)).includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`instance ${instanceId} container ${container} never logged ${JSON.stringify(text)}`);
}

describe('job runtime', () => {
  it('injects what Snowflake injects into every replica, with indexes 0..N-1, and keeps the logs', async () => {
    const { options, statuses } = launch(
      { containers: [{ name: 'main', image: '/db/schema/repo/Flurry-Test:latest', args: ['--env'], env: { GREETING: 'hello', BATCH: 3 } }] },
      3,
    );
    const run = await runtime.prepare(options);
    expect(run.status()).toBe('PENDING');
    expect(run.containers().map((row) => [row.instanceId, row.instanceStatus, row.status, row.startTime])).toEqual([
      ['0', 'PENDING', 'PENDING', null],
      ['1', 'PENDING', 'PENDING', null],
      ['2', 'PENDING', 'PENDING', null],
    ]);
    run.start();
    expect(await run.ended).toBe('DONE');
    expect(statuses).toEqual(['RUNNING', 'DONE']);

    const tokenPath = path.join(options.jobDir, 'session', 'token');
    for (const index of [0, 1, 2]) {
      const lines = await readContainerLog(options.jobDir, index, 'main');
      expect(lines.map((line) => line.text)).toEqual(
        expect.arrayContaining([
          `SNOWFLAKE_ACCOUNT=local`,
          `SNOWFLAKE_HOST=127.0.0.1`,
          `SNOWFLAKE_PORT=${warehouse.port}`,
          `SNOWFLAKE_DATABASE=FLURRY`,
          `SNOWFLAKE_SCHEMA=PUBLIC`,
          `SNOWFLAKE_SERVICE_NAME=${options.serviceName}`,
          `SNOWFLAKE_JOB_INDEX=${index}`,
          `SNOWFLAKE_JOBS_COUNT=3`,
          `SNOWFLAKE_SESSION_TOKEN_PATH=${tokenPath}`,
          'GREETING=hello',
          'BATCH=3',
        ]),
      );
    }
    const rows = run.containers();
    expect(rows.map((row) => [row.instanceId, row.instanceStatus, row.containerName, row.status, row.lastExitCode])).toEqual([
      ['0', 'SUCCEEDED', 'main', 'DONE', 0],
      ['1', 'SUCCEEDED', 'main', 'DONE', 0],
      ['2', 'SUCCEEDED', 'main', 'DONE', 0],
    ]);
    expect(rows[0]).toMatchObject({ imageName: '/db/schema/repo/Flurry-Test:latest', restartCount: 0, message: 'Completed successfully' });
    expect(rows[0].imageDigest).toMatch(/^sha256:/);
  });

  it('prints numbered lines from both streams and fails the job on a non-zero exit', async () => {
    const { options, statuses } = launch({ containers: [{ name: 'worker', image: 'flurry_test', args: ['--lines', '6', '--exit', '4'] }] });
    const run = await runtime.prepare(options);
    run.start();
    expect(await run.ended).toBe('FAILED');
    expect(statuses).toEqual(['RUNNING', 'FAILED']);
    const lines = await run.readLog(0, 'worker');
    expect(lines.filter((line) => line.stream === 'stderr').map((line) => line.text)).toEqual(
      expect.arrayContaining(['line 3', 'line 6']),
    );
    expect(lines.filter((line) => line.text.startsWith('line ')).length).toBe(6);
    expect(run.containers()[0]).toMatchObject({ status: 'FAILED', lastExitCode: 4, message: 'Failed: exit code 4', instanceStatus: 'FAILED' });
    expect(lines.map((line) => line.text)).toContain('flurry_test exiting with 4');
    expect(await run.readLog(0, 'worker', 2)).toEqual(lines.slice(-2));
    await expect(run.readLog(2, 'worker')).rejects.toThrow(
      `Job ${options.serviceName} has no container "worker" in instance 2; it has instances 0..0 and containers worker.`,
    );
  });

  it('fails the job when any instance fails, while the others succeed', async () => {
    const { options } = launch(
      {
        containers: [
          { name: 'main', image: 'flurry_test', command: ['sh', '-c', 'exit $SNOWFLAKE_JOB_INDEX'] },
          { name: 'sidecar', image: 'flurry_test', args: ['--exit', '0'] },
        ],
      },
      2,
    );
    const run = await runtime.prepare(options);
    run.start();
    expect(await run.ended).toBe('FAILED');
    expect(run.containers().map((row) => [row.instanceId, row.instanceStatus, row.containerName, row.status, row.lastExitCode])).toEqual([
      ['0', 'SUCCEEDED', 'main', 'DONE', 0],
      ['0', 'SUCCEEDED', 'sidecar', 'DONE', 0],
      ['1', 'FAILED', 'main', 'FAILED', 1],
      ['1', 'FAILED', 'sidecar', 'DONE', 0],
    ]);
  });

  it('cancels: SIGTERM reaches every container, one ignoring it is killed after the grace period', async () => {
    const { options, statuses } = launch(
      {
        containers: [
          { name: 'polite', image: 'flurry_test', args: ['--sleep', '60'] },
          { name: 'stubborn', image: 'flurry_test', args: ['--sleep', '60', '--ignore-sigterm'] },
        ],
      },
      2,
    );
    const run = await runtime.prepare(options);
    run.start();
    for (const index of [0, 1]) {
      await untilLogged(run, index, 'polite', `flurry_test started (job index ${index})`);
      await untilLogged(run, index, 'stubborn', `flurry_test started (job index ${index})`);
    }
    expect(run.status()).toBe('RUNNING');
    const cancelling = Date.now();
    const cancelled = run.cancel();
    expect(run.status()).toBe('CANCELLING');
    expect(await cancelled).toBe('CANCELLED');
    expect(Date.now() - cancelling).toBeGreaterThanOrEqual(900);
    expect(statuses).toEqual(['RUNNING', 'CANCELLING', 'CANCELLED']);
    for (const index of [0, 1]) {
      expect(await logText(run, index, 'polite')).toContain('terminating');
      expect(await logText(run, index, 'stubborn')).toContain('terminating? no: ignoring SIGTERM');
    }
    expect(run.containers().map((row) => [row.containerName, row.lastExitCode])).toEqual([
      ['polite', 143],
      ['stubborn', 137],
      ['polite', 143],
      ['stubborn', 137],
    ]);
  });

  it('lets a container log back in to the warehouse with OAuth and run a query; the token dies with the job', async () => {
    const { options } = launch({ containers: [{ name: 'client', image: 'flurry_test', args: ['--query', 'SELECT 1 AS ONE'] }] });
    const run = await runtime.prepare(options);
    run.start();
    expect(await run.ended).toBe('DONE');
    expect(await logText(run, 0, 'client')).toContain('query result: [{"ONE":1}]');

    const again = launch({ containers: [{ name: 'client', image: 'flurry_test', args: ['--query', 'SELECT 1'] }] });
    const late = await runtime.prepare(again.options);
    const token = await import('node:fs/promises').then((fs) => fs.readFile(path.join(again.options.jobDir, 'session', 'token'), 'utf8'));
    late.start();
    await late.ended;
    const answer = await fetch(`${warehouse.url}/session/v1/login-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { ACCOUNT_NAME: 'local', AUTHENTICATOR: 'OAUTH', TOKEN: token } }),
    }).then((response) => response.json());
    expect(answer).toMatchObject({ success: false, code: '390303' });
  });

  it('refuses a job whose image is unknown, listing the images there are, before starting anything', async () => {
    const { options } = launch({ containers: [{ name: 'main', image: '/db/s/repo/no-such-image:1' }] });
    const error = await runtime.prepare(options).catch((e: Error) => e);
    expect(error).toBeInstanceOf(ImageError);
    expect((error as Error).message).toMatch(/^Image "\/db\/s\/repo\/no-such-image:1" \(looked up as "no_such_image"\) is not a local image\. Available images: .*flurry_test/);
  });
});
