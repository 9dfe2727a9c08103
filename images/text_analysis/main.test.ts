/**
 * The image end to end: main.ts runs as a child process, as the container runtime runs it, and
 * connects back to a real local warehouse with the environment Snowflake injects.
 */
import { execFile, type ExecFileException } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleReviews } from '@/lib/local-warehouse/samples/google-reviews';
import { SESSION_DEFAULTS } from '@/lib/local-warehouse/protocol/deps';
import { connect, destroy, execute, type Connection } from '@/lib/warehouse/sdk';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';
import { analyzeSentiment } from './sentiment';
import { summarize } from './summarize';

const IMAGE_DIR = path.dirname(fileURLToPath(import.meta.url));
// 25 rows: two full batches of 10 and a partial one.
const REVIEWS = generateSampleReviews(25);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let warehouse: TestWarehouse;
let connection: Connection;
let tokenDir: string;
let tokenPath: string;

// The command the container runtime runs: the image's entrypoint, in the image's folder.
const [COMMAND, ...ENTRYPOINT_ARGS] = (JSON.parse(readFileSync(path.join(IMAGE_DIR, 'image.json'), 'utf8')) as { entrypoint: string[] })
  .entrypoint;

function runImage(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      COMMAND,
      [...ENTRYPOINT_ARGS, ...args],
      { cwd: IMAGE_DIR, env: { PATH: process.env.PATH ?? '', NODE_ENV: process.env.NODE_ENV, ...env }, timeout: 60_000, encoding: 'utf8' },
      (error: ExecFileException | null, stdout: string, stderr: string) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function injectedEnv(): Record<string, string> {
  return {
    SNOWFLAKE_HOST: '127.0.0.1',
    SNOWFLAKE_PORT: String(warehouse.port),
    SNOWFLAKE_ACCOUNT: 'local',
    SNOWFLAKE_DATABASE: 'FLURRY',
    SNOWFLAKE_SCHEMA: 'PUBLIC',
    SNOWFLAKE_SESSION_TOKEN_PATH: tokenPath,
  };
}

const sourceArgs = (task: string, resultTable: string) => [
  `--task=${task}`,
  '--source_table=flurry.public.reviews',
  '--source_id_column=REVIEW_HASH',
  '--source_value_column=REVIEW_TEXT',
  `--result_table=${resultTable}`,
];

async function query<R>(sql: string): Promise<R[]> {
  return (await execute<R>(connection, sql, { rowMode: 'array' })).rows;
}

beforeAll(async () => {
  warehouse = await startTestWarehouse();
  connection = await connect(warehouse.connectionOptions());
  tokenDir = await mkdtemp(path.join(tmpdir(), 'text-analysis-e2e-'));
  tokenPath = path.join(tokenDir, 'token');
  await execute(connection, 'CREATE TABLE REVIEWS (REVIEW_HASH VARCHAR, REVIEW_TEXT VARCHAR, RATING INTEGER)');
  await execute(connection, `INSERT INTO REVIEWS VALUES ${REVIEWS.map(() => '(?, ?, ?)').join(', ')}`, {
    binds: REVIEWS.flatMap((r) => [r.REVIEW_HASH, r.REVIEW_TEXT, r.RATING]),
  });
});

afterAll(async () => {
  await destroy(connection);
  await warehouse.close();
  await rm(tokenDir, { recursive: true, force: true });
});

describe('text_analysis image', () => {
  it('summarizes and scores every review when both tasks run at once into one new result table', async () => {
    const { token, revoke } = warehouse.issueContainerToken({ ...SESSION_DEFAULTS, user: 'JOB_OWNER' });
    await writeFile(tokenPath, token);
    const [summarization, sentiment] = await Promise.all([
      runImage(sourceArgs('summarization', 'results'), injectedEnv()),
      runImage(sourceArgs('sentiment', 'results'), injectedEnv()),
    ]);
    revoke();

    for (const run of [summarization, sentiment]) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const lines = run.stdout.trim().split('\n');
      expect(lines[0]).toBe('text_analysis - INFO - Job started');
      expect(lines).toContain('text_analysis - INFO - Working with source table [flurry.public.reviews], containing 25 rows');
      expect(lines).toContain('text_analysis - INFO - Loaded batch rows 21 - 30');
      expect(lines.at(-1)).toBe('text_analysis - INFO - Job finished');
    }
    expect(summarization.stdout).toContain('Completed text analysis over 5 rows');

    const rows = await query<[string, string, string, string]>(
      'SELECT REVIEW_HASH, SUMMARY_TEXT, SENTIMENT_LABEL, SENTIMENT_SCORE FROM RESULTS',
    );
    expect(rows).toHaveLength(REVIEWS.length);
    const byHash = new Map(rows.map((row) => [row[0], row]));
    for (const review of REVIEWS) {
      const { label, score } = analyzeSentiment(review.REVIEW_TEXT);
      expect(byHash.get(review.REVIEW_HASH)).toEqual([review.REVIEW_HASH, summarize(review.REVIEW_TEXT), label, String(score)]);
    }
  });

  it('adds its columns to an existing result table and merges by id, keeping other columns and rows', async () => {
    await execute(connection, 'CREATE TABLE NOTES (REVIEW_HASH VARCHAR, NOTE VARCHAR)');
    await execute(connection, "INSERT INTO NOTES VALUES (?, 'checked'), ('not-a-review', 'keep me')", {
      binds: [REVIEWS[3].REVIEW_HASH],
    });
    // Outside Snowflake there is no token file; the sample logs in with a user and password instead.
    const env = { ...injectedEnv(), SNOWFLAKE_SESSION_TOKEN_PATH: path.join(tokenDir, 'absent'), SNOWFLAKE_USER: 'me', SNOWFLAKE_PASSWORD: 'pw' };
    const first = await runImage(sourceArgs('sentiment', 'flurry.public.notes'), env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Added column SENTIMENT_LABEL to [flurry.public.notes]');
    const again = await runImage(sourceArgs('sentiment', 'flurry.public.notes'), env);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('Added column');

    const rows = await query<[string, string | null, string | null]>('SELECT REVIEW_HASH, NOTE, SENTIMENT_LABEL FROM NOTES');
    expect(rows).toHaveLength(REVIEWS.length + 1);
    expect(rows).toContainEqual(['not-a-review', 'keep me', null]);
    expect(rows).toContainEqual([REVIEWS[3].REVIEW_HASH, 'checked', analyzeSentiment(REVIEWS[3].REVIEW_TEXT).label]);
    expect(rows.filter(([, , label]) => label !== null)).toHaveLength(REVIEWS.length);
  });

  it('exits with status 2 naming a missing argument, before connecting', async () => {
    const run = await runImage(sourceArgs('summarization', 'results').slice(0, 4), {});
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('text_analysis - ERROR - Bad arguments: the following arguments are required: --result_table\n');
  });

  it('exits with status 1 and says why when the warehouse refuses its token', async () => {
    await writeFile(tokenPath, 'a-token-nobody-issued');
    const run = await runImage(sourceArgs('summarization', 'results'), injectedEnv());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('text_analysis - INFO - Job started\n');
    expect(run.stderr).toMatch(/^text_analysis - ERROR - Job failed: Invalid OAuth access token: this local warehouse did not issue it/m);
  });

  it('exits with status 1 naming the table when the source does not exist', async () => {
    const run = await runImage(
      ['--source_table=NO_SUCH_TABLE', '--source_id_column=ID', '--source_value_column=TXT', '--result_table=R'],
      { ...injectedEnv(), SNOWFLAKE_SESSION_TOKEN_PATH: path.join(tokenDir, 'absent'), SNOWFLAKE_USER: 'me', SNOWFLAKE_PASSWORD: 'pw' },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Job failed: .*NO_SUCH_TABLE/s);
  });
});
