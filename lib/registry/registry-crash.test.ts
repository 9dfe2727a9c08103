/**
 * The registry survives a kill in the middle of a write. A child process (test/registry-crash-
 * writer.ts) writes launches and transitions through the real Registry class as fast as it can;
 * it is SIGKILLed at a random moment, five times over on the same file. After each kill the file
 * must open, hold everything the child reported as committed, and hold no half of any write:
 * createBatch writes a batch, its jobs and their first transitions in one transaction, and a
 * status change updates the job and appends its transition in one (DuckDB replays its
 * write-ahead log up to the last commit on open).
 *
 * It also caught a DuckDB 1.5.6 fault: the first checkpoint after a replay (at close, or when the
 * log grows past its threshold) wrote the replayed rows so that lookups by batch or job id found
 * nothing, and the lists came back empty. Registry.open checkpoints at once to avoid it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryFile } from './index';
import { Registry } from './registry';

const ROUNDS = 5;

const pick = <T>(items: readonly T[], count: number): T[] => [...items].sort(() => Math.random() - 0.5).slice(0, count);
const root = path.resolve(import.meta.dirname, '..', '..');

interface Reported {
  batches: Map<string, string[]>;
  queryIds: Map<string, string>;
  statuses: Map<string, Set<string>>;
  reconciled: Set<string>;
}

const reported: Reported = { batches: new Map(), queryIds: new Map(), statuses: new Map(), reconciled: new Set() };

function note(line: Record<string, unknown>): void {
  if (typeof line.batch === 'string') reported.batches.set(line.batch, line.jobs as string[]);
  for (const [jobId, queryId] of (line.submitted ?? []) as [string, string][]) reported.queryIds.set(jobId, queryId);
  for (const [jobId, status] of (line.status ?? []) as [string, string][]) {
    const seen = reported.statuses.get(jobId) ?? new Set();
    reported.statuses.set(jobId, seen.add(status));
  }
  for (const jobId of (line.times ?? []) as string[]) reported.reconciled.add(jobId);
}

/**
 * Runs the writer and SIGKILLs it `delayMs` after it has opened the file or, with
 * `afterCheckpoint`, that long after DuckDB has first checkpointed its log meanwhile. It writes
 * back to back, so the kill lands inside a write (or a checkpoint).
 */
async function writeAndKill(file: string, delayMs: number, afterCheckpoint = false): Promise<number> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'test/registry-crash-writer.ts', file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let buffered = '';
  let lines = 0;
  let killing = false;
  let ready = false;
  const killed = new Promise<void>((resolve, reject) => {
    const killSoon = () => {
      if (killing) return;
      killing = true;
      setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, delayMs);
    };
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the writer exited by itself (${code ?? signal}):\n${stderr}`));
    });
    // The log shrinks when DuckDB checkpoints it into the file (watched once the writer has opened it).
    let walBytes: number | null = null;
    const watchLog = setInterval(() => {
      if (!ready) return;
      const size = fs.statSync(`${file}.wal`, { throwIfNoEntry: false })?.size ?? 0;
      if (afterCheckpoint && walBytes !== null && size < walBytes) killSoon();
      walBytes = size;
    }, 10);
    void exited.then(() => clearInterval(watchLog));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const text of complete) {
        const line = JSON.parse(text) as Record<string, unknown>;
        note(line);
        if (!line.ready) lines++;
        else {
          ready = true;
          if (!afterCheckpoint) killSoon();
        }
      }
    });
  });
  await killed;
  await exited;
  return lines;
}

/** Every batch and job in the file, straight from its tables, to check what no API filters. */
async function readTables(file: string) {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
  try {
    return {
      // A batch's label says how many jobs it was written with (see the writer).
      partialBatches: await rows(
        `SELECT b.id, b.label, count(j.id) AS jobs, max(j.position) AS last FROM batches b LEFT JOIN jobs j ON j.batch_id = b.id
         GROUP BY b.id, b.label HAVING count(j.id) <> CAST(split_part(b.label, '=', 2) AS INTEGER) OR max(j.position) <> count(j.id) - 1`,
      ),
      orphanJobs: await rows('SELECT id FROM jobs WHERE batch_id NOT IN (SELECT id FROM batches)'),
      orphanTransitions: await rows('SELECT DISTINCT job_id FROM transitions WHERE job_id NOT IN (SELECT id FROM jobs)'),
      // A status change updates the job and appends its transition together: the last one is the job's.
      torn: await rows(
        `SELECT j.id, j.raw_status, t.raw_status AS last_transition FROM jobs j
         LEFT JOIN (SELECT job_id, arg_max(raw_status, (changed_at, rowid)) AS raw_status FROM transitions GROUP BY job_id) t ON t.job_id = j.id
         WHERE t.raw_status IS DISTINCT FROM j.raw_status`,
      ),
      jobCount: Number((await rows('SELECT count(*) AS n FROM jobs'))[0].n),
      batchJobs: new Map(
        (await rows('SELECT batch_id, list(id ORDER BY position) AS ids FROM jobs GROUP BY batch_id')).map((row) => [String(row.batch_id), row.ids as string[]]),
      ),
      queryIds: new Map((await rows('SELECT id, query_id FROM jobs WHERE query_id IS NOT NULL')).map((row) => [String(row.id), String(row.query_id)])),
      transitions: new Map(
        (await rows('SELECT job_id, list(raw_status ORDER BY changed_at, rowid) AS statuses FROM transitions GROUP BY job_id')).map((row) => [
          String(row.job_id),
          row.statuses as string[],
        ]),
      ),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flurry-registry-crash-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Registry killed in the middle of writing', () => {
  it(
    `opens after each of ${ROUNDS} SIGKILLs with every reported write in it and no half-written one`,
    async () => {
      const file = registryFile(dir);
      for (let round = 1; round <= ROUNDS; round++) {
        // Even rounds are killed just after DuckDB has checkpointed, odd ones at any moment. The
        // writer of a round opens the file the last one was killed over, so it replays that log
        // and then checkpoints it: what a dashboard restarted after a crash does.
        const afterCheckpoint = round % 2 === 0;
        const lines = await writeAndKill(file, afterCheckpoint ? Math.random() * 300 : 1_000 + Math.random() * 4_000, afterCheckpoint);
        expect(lines, `round ${round}: the writer reported commits before it was killed`).toBeGreaterThan(0);

        // Checked on a copy, so the next writer finds the file (and its log) as the kill left it.
        const copy = path.join(dir, `check-${round}`, 'registry.duckdb');
        fs.mkdirSync(path.dirname(copy));
        fs.copyFileSync(file, copy);
        if (fs.existsSync(`${file}.wal`)) fs.copyFileSync(`${file}.wal`, `${copy}.wal`);

        // A dashboard restarted after the crash, and stopped (tests and benches close the registry).
        (await Registry.open(copy)).close();
        // Through the real class: the file opens again, and what the dashboard reads of a job is there.
        const registry = await Registry.open(copy);
        let listed: number;
        try {
          listed = (await registry.listJobs()).total;
          for (const [batchId, jobIds] of pick([...reported.batches], 10)) {
            expect((await registry.batchJobs(batchId)).map((job) => job.id), `round ${round}: batch ${batchId}`).toEqual(jobIds);
          }
          for (const jobId of pick([...reported.statuses.keys()], 10)) {
            const job = await registry.getJob(jobId);
            expect(job?.transitions.map((t) => t.rawStatus), `round ${round}: transitions of ${jobId}`).toEqual(expect.arrayContaining([...reported.statuses.get(jobId)!]));
          }
          const unreconciled = new Set((await registry.listUnreconciled()).map((job) => job.id));
          for (const jobId of reported.reconciled) expect(unreconciled.has(jobId), `round ${round}: ${jobId} reconciled`).toBe(false);
        } finally {
          registry.close();
        }

        // Every write the writer reported, straight from the tables (without the large statements).
        const tables = await readTables(copy);
        for (const [batchId, jobIds] of reported.batches) expect(tables.batchJobs.get(batchId), `round ${round}: batch ${batchId}`).toEqual(jobIds);
        for (const [jobId, queryId] of reported.queryIds) expect(tables.queryIds.get(jobId), `round ${round}: query id of ${jobId}`).toBe(queryId);
        for (const [jobId, statuses] of reported.statuses) {
          const transitions = tables.transitions.get(jobId) ?? [];
          for (const status of statuses) expect(transitions, `round ${round}: transitions of ${jobId}`).toContain(status);
        }
        expect(tables.partialBatches, `round ${round}: batches missing jobs`).toEqual([]);
        expect(tables.orphanJobs, `round ${round}: jobs without a batch`).toEqual([]);
        expect(tables.orphanTransitions, `round ${round}: transitions without a job`).toEqual([]);
        expect(tables.torn, `round ${round}: jobs whose status is not their last transition`).toEqual([]);
        expect(listed, `round ${round}: jobs the Jobs list counts`).toBe(tables.jobCount);
      }
      expect(reported.batches.size).toBeGreaterThan(ROUNDS);
    },
    120_000,
  );
});
