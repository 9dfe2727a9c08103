import { MAX_SQL_BYTES } from '../lib/domain/launch-input';
import { expect, test } from './fixtures';

test('launching empty SQL shows the error under the editor and stays on the form', async ({ app, page }) => {
  await app.openLaunch();
  await app.sqlEditor.fill('   \n  ');
  await page.getByRole('button', { name: /^Launch/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Write at least one SQL statement.' })).toBeVisible();
  await expect(app.sqlEditor).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/launch$/);
});

test('launching oversized SQL says how large it may be', async ({ app, page }) => {
  await app.openLaunch();
  await app.sqlEditor.fill(`SELECT '${'x'.repeat(MAX_SQL_BYTES)}'`);
  await page.getByRole('button', { name: /^Launch/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'SQL is larger than 1,000,000 bytes' })).toBeVisible();
  await expect(page).toHaveURL(/\/launch$/);
});

test('an example snippet is inserted, counted, and Ctrl+Enter launches it', async ({ app, page }) => {
  await app.openLaunch();
  await page.getByRole('button', { name: 'Three waits' }).click();
  await expect(page.getByTestId('statement-count')).toHaveText('3 statements');
  await expect(page.getByRole('list', { name: 'Statements to launch' }).getByRole('listitem')).toHaveCount(3);
  await page.getByRole('radio', { name: /Sequence/ }).check();
  await app.sqlEditor.press('Control+Enter');
  await page.waitForURL(/\/jobs\?batch=/);
  await expect(app.rows).toHaveCount(3);
  for (const sql of ['CALL SYSTEM$WAIT(1)', 'SELECT SYSTEM$WAIT(2)', "CALL SYSTEM$WAIT(3, 'SECONDS')"]) {
    await expect(app.row(sql).getByTestId('job-status')).toHaveText(/Succeeded/, { timeout: 30_000 });
  }
});
