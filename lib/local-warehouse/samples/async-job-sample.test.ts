/**
 * The Snowflake-Labs async_job sample, unchanged, through snowflake-sdk: on a fresh warehouse
 * the sample table exists, two ASYNC job services (summarization and sentiment) return at once
 * and run in parallel on the text_analysis image, and the result table ends up with a summary
 * and a sentiment for every review.
 */
import { expect, it } from 'vitest';
import { execute } from '@/lib/warehouse/sdk';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { asyncJobStatement } from './async-job';
import { SAMPLE_REVIEW_COUNT, SAMPLE_REVIEWS_TABLE } from './google-reviews';

const RESULT_TABLE = 'GOOGLE_REVIEWS.GOOGLE_REVIEWS.REVIEW_ANALYSIS';

const sample = useConnectedWarehouse();

function executeAsync(sqlText: string): Promise<string> {
  return new Promise((resolve, reject) => {
    sample.connection.execute({
      sqlText,
      asyncExec: true,
      complete: (error, statement) => (error ? reject(error) : resolve(statement.getQueryId())),
    });
  });
}

async function jobStatus(name: string): Promise<string> {
  const { rows } = await execute(sample.connection, `SHOW JOB SERVICES LIKE '${name}'`);
  return String((rows[0] as { status: string }).status);
}

it('runs the summarization and sentiment jobs of the async_job sample in parallel over the seeded table', async () => {
  const { rows: seeded } = await execute(sample.connection, `SELECT COUNT(*) AS N FROM ${SAMPLE_REVIEWS_TABLE}`);
  expect(seeded).toEqual([{ N: SAMPLE_REVIEW_COUNT }]);
  await execute(sample.connection, 'CREATE COMPUTE POOL CPU_S MIN_NODES = 1 MAX_NODES = 4 INSTANCE_FAMILY = CPU_X64_S');

  for (const [name, task] of [
    ['SUMMARIZE_REVIEWS', 'summarization'],
    ['REVIEW_SENTIMENT', 'sentiment'],
  ] as const) {
    const started = Date.now();
    const queryId = await executeAsync(asyncJobStatement({ pool: 'CPU_S', name, task, resultTable: RESULT_TABLE }));
    // The statement itself has ended (SUCCESS) within the second, while its job runs on.
    let state = '';
    while (Date.now() - started < 1000 && state !== 'SUCCESS') state = await sample.connection.getQueryStatus(queryId);
    expect(state).toBe('SUCCESS');
    expect(Date.now() - started).toBeLessThan(1000);
  }
  expect(['PENDING', 'RUNNING']).toContain(await jobStatus('SUMMARIZE_REVIEWS'));
  expect(['PENDING', 'RUNNING']).toContain(await jobStatus('REVIEW_SENTIMENT'));

  for (const name of ['SUMMARIZE_REVIEWS', 'REVIEW_SENTIMENT']) {
    const { rows } = await execute(sample.connection, `CALL ${name}!SPCS_WAIT_FOR('DONE', 300)`);
    expect(rows).toEqual([{ SPCS_WAIT_FOR: 'DONE' }]);
  }

  // Both ran at once: each started before the other completed.
  const { rows: history } = await execute(
    sample.connection,
    'SELECT NAME, CREATED_TIME, COMPLETED_TIME FROM TABLE(SNOWFLAKE.SPCS.GET_JOB_HISTORY()) ORDER BY NAME',
  );
  const [sentiment, summary] = history as { CREATED_TIME: Date; COMPLETED_TIME: Date }[];
  expect(sentiment.CREATED_TIME.getTime()).toBeLessThan(summary.COMPLETED_TIME.getTime());
  expect(summary.CREATED_TIME.getTime()).toBeLessThan(sentiment.COMPLETED_TIME.getTime());

  const { rows: results } = await execute(
    sample.connection,
    `SELECT COUNT(*) AS N, COUNT(SUMMARY_TEXT) AS SUMMARIES, COUNT(SENTIMENT_LABEL) AS LABELS, COUNT(SENTIMENT_SCORE) AS SCORES ` +
      `FROM ${RESULT_TABLE} r JOIN ${SAMPLE_REVIEWS_TABLE} s ON r.REVIEW_HASH = s.REVIEW_HASH`,
  );
  expect(results).toEqual([{ N: SAMPLE_REVIEW_COUNT, SUMMARIES: SAMPLE_REVIEW_COUNT, LABELS: SAMPLE_REVIEW_COUNT, SCORES: SAMPLE_REVIEW_COUNT }]);
}, 320_000);
