import { expect, test } from './fixtures';

test('a succeeded job shows its result with column types, and its CSV downloads', async ({ app, page }) => {
  await app.launch({
    sql: "SELECT SEQ4() AS N, 'row ' || SEQ4() AS NAME FROM TABLE(GENERATOR(ROWCOUNT => 5))",
    statements: 1,
    label: 'e2e result',
  });
  const row = app.row('GENERATOR(ROWCOUNT => 5)');
  await expect(row.getByTestId('job-status')).toHaveText(/Succeeded/);
  await row.getByRole('link').click();

  await expect(page.getByTestId('job-status')).toHaveText(/Succeeded\s*SUCCESS/);
  await expect(page.getByRole('heading', { name: 'e2e result' })).toBeVisible();
  const history = page.getByRole('list', { name: 'Status history' });
  await expect(history).toContainText('SUCCESS');

  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByTestId('result-summary')).toHaveText('5 rows · 2 columns');
  const headers = result.getByRole('columnheader');
  await expect(headers).toHaveCount(2);
  await expect(headers.nth(0)).toContainText('N');
  await expect(headers.nth(0).getByTestId('column-type')).toHaveText(/NUMBER/);
  await expect(headers.nth(1)).toContainText('NAME');
  await expect(headers.nth(1).getByTestId('column-type')).toHaveText(/VARCHAR|TEXT/);
  await expect(result.getByRole('row')).toHaveCount(6);
  await expect(result.getByRole('cell', { name: 'row 4' })).toBeVisible();

  const csvLink = result.getByRole('link', { name: 'Download CSV' });
  const href = await csvLink.getAttribute('href');
  expect(href).toBeTruthy();
  const csv = await page.request.get(href as string);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/text\/csv/);
  const lines = (await csv.text()).trim().split(/\r?\n/);
  expect(lines).toHaveLength(6);
  expect(lines[0]).toBe('N,NAME');
  expect(lines[5]).toBe('4,row 4');
});

test('an unknown job id says so', async ({ page }) => {
  await page.goto('/jobs/00000000-0000-0000-0000-000000000000');
  await expect(
    page.getByRole('alert').filter({ hasText: 'No job with id 00000000-0000-0000-0000-000000000000.' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to Jobs' })).toBeVisible();
});
