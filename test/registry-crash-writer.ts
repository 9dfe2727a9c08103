/**
 * Child process of lib/registry/registry-crash.test.ts: writes launches and status transitions
 * into a registry file through the real Registry class, as fast as it can, until it is killed.
 * After each write has committed it prints one JSON line saying what it wrote, so the parent
 * knows what must survive a SIGKILL. (A write to a pipe is synchronous on Linux: a line printed
 * is never lost with the process.)
 *
 * Lines: {"ready":true} · {"batch":id,"jobs":[ids]} · {"submitted":[[jobId,queryId]]}
 *        {"status":[[jobId,rawStatus]]} · {"times":[jobIds]}
 *
 * Statements are large (up to 100 KB) so the write-ahead log passes DuckDB's checkpoint threshold
 * every few seconds, and some kills land in a checkpoint rather than in a transaction.
 *
 * Run: node --conditions=react-server --import tsx test/registry-crash-writer.ts <registry file>
 */
import { randomUUID } from 'node:crypto';
import type { Job } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';
import { Registry } from '@/lib/registry/registry';
import type { NewJob } from '@/lib/registry/types';

const file = process.argv[2];
if (!file) {
  console.error('usage: registry-crash-writer.ts <registry file>');
  process.exit(2);
}

const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const pick = <T>(items: readonly T[], count: number): T[] => [...items].sort(() => Math.random() - 0.5).slice(0, count);
const between = (low: number, high: number) => low + Math.floor(Math.random() * (high - low + 1));

/** What comes after each status this writer gives a job, as the tracker would record it. */
const NEXT: Record<string, readonly string[]> = {
  QUEUED: ['RUNNING'],
  PENDING: ['RUNNING'],
  RUNNING: ['SUCCESS', 'FAILED_WITH_ERROR', 'DONE', 'FAILED'],
};

function newJob(index: number): NewJob {
  const sql = `SELECT ${index} /* ${'x'.repeat(between(0, 100_000))} */`;
  if (Math.random() < 0.2) return { sql, kind: 'job_service', service: { name: `JOB_${index}`, computePool: 'POOL', spec: 'spec: {}', replicas: 1 } };
  return { sql, kind: 'query' };
}

const registry = await Registry.open(file);
/** Jobs this process may move on: those it finds unfinished, then those it launches. */
const live = new Map<string, Job>((await registry.listActiveJobs()).map((job) => [job.id, job]));
say({ ready: true });

let launched = 0;
async function launch(): Promise<void> {
  // The label says how many jobs the batch has, so a half-written batch is visible on its own.
  const size = between(1, 40);
  const { batch, jobs } = await registry.createBatch({ label: `crash n=${size}`, mode: 'parallel', jobs: Array.from({ length: size }, () => newJob(launched++)) });
  say({ batch: batch.id, jobs: jobs.map((job) => job.id) });
  for (const job of jobs) live.set(job.id, job);
}

async function submit(): Promise<void> {
  const waiting = pick([...live.values()].filter((job) => job.rawStatus === 'WAITING'), between(1, 60));
  const { recorded } = await registry.recordSubmissions(waiting.map((job) => ({ jobId: job.id, queryId: randomUUID(), at: Date.now() })));
  say({ submitted: recorded.map((job) => [job.id, job.queryId]) });
  for (const job of recorded) live.set(job.id, job);
}

async function advance(): Promise<void> {
  const movable = pick([...live.values()].filter((job) => NEXT[job.rawStatus]), between(1, 80));
  const changed = await registry.recordStatusChanges(
    movable.map((job) => ({ jobId: job.id, rawStatus: pick(NEXT[job.rawStatus], 1)[0], at: Date.now(), errorMessage: Math.random() < 0.3 ? 'boom' : null })),
  );
  say({ status: changed.map((job) => [job.id, job.rawStatus]) });
  for (const job of changed) {
    if (isTerminal(job.phase)) live.delete(job.id);
    else live.set(job.id, job);
  }
}

async function reconcile(): Promise<void> {
  const ended = pick(await registry.listUnreconciled(), between(1, 50));
  const at = Date.now();
  await registry.applyWarehouseTimes(ended.map((job) => ({ jobId: job.id, submittedAt: at - 3, startedAt: at - 2, endedAt: at - 1, errorCode: null, errorMessage: null, rowCount: 1 })));
  say({ times: ended.map((job) => job.id) });
}

const OPERATIONS = [launch, launch, submit, advance, advance, reconcile];
for (;;) {
  // Two at a time, as the tracker and a server action write side by side.
  await Promise.all([pick(OPERATIONS, 1)[0](), pick(OPERATIONS, 1)[0]()]);
}
