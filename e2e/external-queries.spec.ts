/**
 * Work launched elsewhere, as a user meets it: another client of the same warehouse runs
 * queries, and they appear in the Jobs table marked external beside Flurry's own, the Origin
 * filter (kept in the URL) tells them apart, and the detail page says who ran one and cancels it.
 */
import { connect, destroy, execute, submitAsync, type Connection } from '../lib/warehouse/sdk';
import { WAREHOUSE_PORT } from './ports';
import { expect, test } from './fixtures';

/** Another client of the dashboard's warehouse: its own snowflake-sdk connection, user and session. */
function otherClient(): Promise<Connection> {
  return connect({ accessUrl: `http://127.0.0.1:${WAREHOUSE_PORT}`, account: 'local', username: 'e2e_analyst', password: 'local' });
}

test('queries another client ran appear marked external, filter by origin, and open and cancel like Flurry’s own', async ({ app, page }) => {
  test.setTimeout(120_000);
  const marker = `E2E_ELSEWHERE_${Date.now()}`;
  const other = await otherClient();
  try {
    await execute(other, `SELECT 1 AS ${marker}_QUICK`);
    await submitAsync(other, `SELECT SYSTEM$WAIT(60) AS ${marker}_LONG`);
    await app.launch({ sql: `SELECT 2 AS ${marker}_OWN`, statements: 1, label: 'e2e own' });

    await page.goto(`/jobs?q=${marker}`);
    const quick = app.row(`${marker}_QUICK`);
    const long = app.row(`${marker}_LONG`);
    const own = app.row(`${marker}_OWN`);
    // The dashboard reads the warehouse's query history every 10 seconds.
    await expect(quick.getByTestId('job-origin')).toHaveText('external', { timeout: 30_000 });
    await expect(quick.getByTestId('job-status')).toHaveText(/Succeeded\s*SUCCESS/);
    await expect(quick).toContainText('External · E2E_ANALYST · session');
    await expect(long.getByTestId('job-status')).toHaveText(/Running/, { timeout: 30_000 });
    await expect(own.getByTestId('job-status')).toHaveText(/Succeeded/);
    await expect(own.getByTestId('job-origin')).toHaveCount(0);
    await expect(app.rows).toHaveCount(3);

    const origin = page.getByRole('combobox', { name: /^Origin/ });
    await origin.selectOption('external');
    await expect(page).toHaveURL(/origin=external/);
    await expect(app.rows).toHaveCount(2);
    await expect(own).toHaveCount(0);
    await origin.selectOption('flurry');
    await expect(page).toHaveURL(/origin=flurry/);
    await expect(app.rows).toHaveCount(1);
    await expect(own).toHaveCount(1);
    await page.reload();
    await expect(origin).toHaveValue('flurry');
    await expect(app.rows).toHaveCount(1);
    await origin.selectOption('');
    await expect(page).not.toHaveURL(/origin=/);
    await expect(app.rows).toHaveCount(3);

    await long.getByRole('link', { name: new RegExp(`${marker}_LONG`) }).click();
    await expect(page).toHaveURL(/\/jobs\/[^/?]+$/);
    await expect(page.getByTestId('job-origin')).toHaveText('external');
    await expect(page.getByTestId('external-run')).toContainText('Run outside Flurry by E2E_ANALYST (role');
    await expect(page.getByTestId('job-status')).toHaveText(/Running/);

    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this job?' });
    await expect(dialog).toContainText('It was run outside Flurry by E2E_ANALYST');
    await dialog.getByRole('button', { name: 'Cancel job' }).click();
    await expect(page.getByTestId('job-status')).toHaveText(/Cancelled\s*ABORTED/);
  } finally {
    await destroy(other);
  }
});
