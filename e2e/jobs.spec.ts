import { expect, test } from './fixtures';

test('a parallel batch of three waits all succeed, live, without reloading', async ({ app, page }) => {
  await app.launch({
    sql: "CALL SYSTEM$WAIT(1);\nSELECT SYSTEM$WAIT(2);\nCALL SYSTEM$WAIT(3, 'SECONDS');",
    statements: 3,
    label: 'e2e three waits',
  });
  await app.markDocument();

  await expect(app.rows).toHaveCount(3);
  for (const sql of ['CALL SYSTEM$WAIT(1)', 'SELECT SYSTEM$WAIT(2)', "CALL SYSTEM$WAIT(3, 'SECONDS')"]) {
    const row = app.row(sql);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('e2e three waits');
    await expect(row.getByTestId('job-status')).toHaveText(/Succeeded\s*SUCCESS/, { timeout: 30_000 });
    // A query id was issued, and its duration comes from the warehouse's own start and end.
    await expect(row.getByRole('button', { name: /Copy query id/ })).toBeVisible();
    await expect(row.getByTestId('job-duration')).toHaveText(/\d/);
  }
  await expect(page.getByRole('checkbox', { name: 'Select all active jobs' })).toBeDisabled();
  await app.expectSameDocument();
});

test('a long GENERATOR query can be selected and cancelled', async ({ app, page }) => {
  await app.launch({
    sql: 'SELECT COUNT(*) FROM TABLE(GENERATOR(TIMELIMIT => 60))',
    statements: 1,
    label: 'e2e cancel',
  });
  await app.markDocument();
  const row = app.row('GENERATOR(TIMELIMIT => 60)');
  await expect(row.getByTestId('job-status')).toHaveText(/Running/);

  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Cancel selected (1)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel 1 job?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel 1 job' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Cancelled 1 job.' })).toBeVisible();
  await expect(row.getByTestId('job-status')).toHaveText(/Cancelled/);
  await expect(row.getByRole('checkbox')).toBeDisabled();
  await app.expectSameDocument();
});

test('a failing statement shows its error in the table and on the detail page', async ({ app, page }) => {
  await app.launch({ sql: 'SELECT * FROM NO_SUCH_TABLE', statements: 1, label: 'e2e failure' });
  const row = app.row('SELECT * FROM NO_SUCH_TABLE');
  await expect(row.getByTestId('job-status')).toHaveText(/Failed\s*FAILED_WITH_ERROR/);
  await expect(row.getByTestId('job-error')).toContainText(/NO_SUCH_TABLE/i);

  await row.getByRole('link', { name: 'SELECT * FROM NO_SUCH_TABLE' }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/?]+$/);
  await expect(page.getByTestId('job-status')).toHaveText(/Failed\s*FAILED_WITH_ERROR/);
  await expect(page.getByTestId('job-error')).toContainText(/NO_SUCH_TABLE/i);
  await expect(page.getByRole('list', { name: 'Status history' })).toContainText('FAILED_WITH_ERROR');
  await expect(page.getByText('No result: the query ended as failed.')).toBeVisible();
});

test('filters live in the URL and survive a reload', async ({ app, page }) => {
  const marker = `MISSING_${Date.now()}`;
  await app.launch({
    sql: `SELECT * FROM ${marker};\nSELECT 1 AS ${marker}_OK;`,
    statements: 2,
    label: 'e2e filters',
  });
  await expect(app.rows).toHaveCount(2);
  await expect(app.row(`FROM ${marker}`).getByTestId('job-status')).toHaveText(/Failed/);
  await expect(app.row(`${marker}_OK`).getByTestId('job-status')).toHaveText(/Succeeded/);

  await page.getByRole('button', { name: 'Show all batches' }).click();
  await page.getByRole('searchbox', { name: 'Search jobs' }).fill(marker);
  await page.getByRole('group', { name: 'Phase' }).getByRole('button', { name: 'Failed' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${marker}`));
  await expect(page).toHaveURL(/phase=failed/);
  await expect(app.rows).toHaveCount(1);

  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search jobs' })).toHaveValue(marker);
  await expect(page.getByRole('group', { name: 'Phase' }).getByRole('button', { name: 'Failed' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(app.rows).toHaveCount(1);
  await expect(app.row(`FROM ${marker}`)).toHaveCount(1);

  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page).not.toHaveURL(/phase=|q=/);
  await expect(page.getByRole('searchbox', { name: 'Search jobs' })).toHaveValue('');
});
