import { asyncJobStatement } from '../lib/local-warehouse/samples/async-job';
import { expect, test } from './fixtures';

/**
 * The Snowflake-Labs async_job sample as a user runs it: two EXECUTE JOB SERVICE … ASYNC = TRUE
 * statements pasted into the query editor, one summarizing and one scoring the sentiment of
 * the seeded reviews into one result table.
 */
const POOL = 'SAMPLE_POOL';

/** Named after the task and its result table, so the row is found before and after it is resolved. */
function jobName(task: string, resultTable: string): string {
  return `${task.toUpperCase()}_${resultTable.split('.').at(-1)}`;
}

test('two ASYNC job services pasted into the query editor run on and fill the result table', async ({ app, page }) => {
  test.setTimeout(240_000);
  await app.launch({
    sql: `CREATE COMPUTE POOL IF NOT EXISTS ${POOL} MIN_NODES = 1 MAX_NODES = 4 INSTANCE_FAMILY = CPU_X64_S`,
    statements: 1,
    label: 'sample pool',
  });
  await expect(app.row('CREATE COMPUTE POOL').getByTestId('job-status')).toHaveText(/Succeeded/);

  const resultTable = `GOOGLE_REVIEWS.GOOGLE_REVIEWS.REVIEW_ANALYSIS_${Date.now()}`;
  await app.launch({
    sql: (['summarization', 'sentiment'] as const)
      .map((task) => `${asyncJobStatement({ pool: POOL, name: jobName(task, resultTable), task, resultTable })};`)
      .join('\n'),
    statements: 2,
    label: 'async_job sample',
  });
  for (const task of ['summarization', 'sentiment']) {
    const row = app.row(jobName(task, resultTable));
    await expect(row.getByTestId('job-kind')).toHaveText(/job service/i);
    await expect(row.getByTestId('job-status')).toHaveText(/Succeeded\s*DONE/, { timeout: 180_000 });
  }

  await app.launch({
    sql: `SELECT COUNT(*) AS REVIEWS, COUNT(SUMMARY_TEXT) AS SUMMARIES, COUNT(SENTIMENT_LABEL) AS SENTIMENTS FROM ${resultTable}`,
    statements: 1,
    label: 'sample check',
  });
  const check = app.row('COUNT(SUMMARY_TEXT)');
  await expect(check.getByTestId('job-status')).toHaveText(/Succeeded/);
  await check.getByRole('link').first().click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByTestId('result-summary')).toHaveText('1 row · 3 columns');
  const cells = result.getByRole('cell');
  await expect(cells).toHaveText(['120', '120', '120']);
});
