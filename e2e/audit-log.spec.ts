import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** Fails the test if the page ever opens a dialog: a script that ran would. */
function forbidDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', (dialog) => {
    opened.push(dialog.message());
    void dialog.dismiss();
  });
  return opened;
}

test('a launch and a cancel from the UI are recorded, with who did them and what', async ({ app, page }) => {
  const marker = `AUDIT_${Date.now()}`;
  await app.launch({ sql: `SELECT COUNT(*) AS ${marker} FROM TABLE(GENERATOR(TIMELIMIT => 60))`, statements: 1, label: marker });
  const row = app.row(marker);
  await expect(row.getByTestId('job-status')).toHaveText(/Running/);
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Cancel selected (1)' }).click();
  await page.getByRole('dialog', { name: 'Cancel 1 job?' }).getByRole('button', { name: 'Cancel 1 job' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled 1 job.' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();

  // Newest first: the cancel, then the launch whose statement it was.
  const launched = page.locator('[data-testid="audit-row"][data-action="launch-batch"]').filter({ hasText: marker });
  await expect(launched).toHaveCount(1);
  await expect(launched.getByTestId('audit-actor')).toHaveText('local user');
  await expect(launched.getByTestId('audit-action')).toHaveText('Launch batch');
  await expect(launched.getByTestId('audit-target')).toContainText(/batch/i);
  await expect(launched.getByTestId('audit-outcome')).toHaveText('OK');

  const cancelled = page.locator('[data-testid="audit-row"][data-action="cancel-jobs"]').first();
  await expect(cancelled.getByTestId('audit-actor')).toHaveText('local user');
  await expect(cancelled.getByTestId('audit-action')).toHaveText('Cancel jobs');
  await expect(cancelled.getByTestId('audit-target')).not.toBeEmpty();
  const rows = page.getByTestId('audit-row');
  const order = await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-action')));
  expect(order.indexOf('cancel-jobs')).toBeLessThan(order.indexOf('launch-batch'));

  // The launch's detail opens to the statement it ran.
  await launched.getByTestId('audit-detail').locator('summary').click();
  await expect(launched.getByTestId('audit-detail').locator('pre')).toContainText(`SELECT COUNT(*) AS ${marker}`);
});

test('filters live in the URL, survive a reload and narrow the rows', async ({ app, page }) => {
  await app.launch({ sql: `SELECT 1 AS AUDIT_FILTER_${Date.now()}`, statements: 1, label: 'e2e audit filter' });
  await page.goto('/audit');
  await expect(page.locator('[data-testid="audit-row"][data-action="launch-batch"]').first()).toBeVisible();

  await page.getByLabel('Action').selectOption('cancel-jobs');
  await expect(page).toHaveURL(/action=cancel-jobs/);
  await expect(page.locator('[data-testid="audit-row"][data-action="launch-batch"]')).toHaveCount(0);

  await page.getByLabel('Action').selectOption('launch-batch');
  await page.getByRole('searchbox', { name: 'Filter by who' }).fill('LOCAL');
  await expect(page).toHaveURL(/actor=LOCAL/);
  await page.reload();
  await expect(page.getByLabel('Action')).toHaveValue('launch-batch');
  await expect(page.getByRole('searchbox', { name: 'Filter by who' })).toHaveValue('LOCAL');
  const shown = page.getByTestId('audit-row');
  await expect(shown.first()).toBeVisible();
  for (const action of await shown.evaluateAll((all) => all.map((row) => row.getAttribute('data-action')))) expect(action).toBe('launch-batch');

  await page.getByRole('searchbox', { name: 'Filter by who' }).fill('nobody-by-this-name');
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page).not.toHaveURL(/action=|actor=/);
});

test('a detail holding HTML renders as literal text and runs nothing', async ({ app, page }) => {
  const dialogs = forbidDialogs(page);
  const marker = `AUDIT_XSS_${Date.now()}`;
  await app.launch({ sql: `SELECT '${HOSTILE}' AS ${marker}`, statements: 1, label: marker });
  await page.goto('/audit');

  const row = page.getByTestId('audit-row').filter({ hasText: marker });
  await expect(row).toHaveCount(1);
  const detail = row.getByTestId('audit-detail');
  await expect(detail.locator('summary')).toContainText(HOSTILE);
  await detail.locator('summary').click();
  await expect(detail.locator('pre')).toHaveText(`SELECT '${HOSTILE}' AS ${marker}`);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('GET /api/audit names a bad parameter, and pages with before', async ({ request }) => {
  const bad = await request.get('/api/audit?action=drop-table&limit=0');
  expect(bad.status()).toBe(400);
  const { error } = (await bad.json()) as { error: string };
  expect(error).toContain('action: "drop-table" is not an action');
  expect(error).toContain('limit: must be at least 1');

  const first = await request.get('/api/audit?limit=1');
  expect(first.status()).toBe(200);
  const page = (await first.json()) as { entries: { id: number }[]; more: boolean };
  expect(page.entries).toHaveLength(1);
  expect(page.more).toBe(true);
  const older = (await (await request.get(`/api/audit?limit=1&before=${page.entries[0].id}`)).json()) as { entries: { id: number }[] };
  expect(older.entries[0].id).toBeLessThan(page.entries[0].id);
});
