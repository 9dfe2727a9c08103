import { expect, test } from './fixtures';

const POOL = 'E2E_POOL';

test('a job service launched from the form runs to DONE with its containers and logs shown', async ({ app, page }) => {
  await app.launch({
    sql: `CREATE COMPUTE POOL IF NOT EXISTS ${POOL} MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_S`,
    statements: 1,
    label: 'e2e pool',
  });
  await expect(app.row('CREATE COMPUTE POOL').getByTestId('job-status')).toHaveText(/Succeeded/);

  await app.openLaunch();
  await page.getByRole('tab', { name: 'Job service' }).click();
  await expect(page).toHaveURL(/kind=job_service/);
  const form = page.getByRole('form', { name: 'Job service' });
  const name = `e2e_job_${Date.now()}`;
  // The form starts on the first pool listed once the list arrives; filling before that races it.
  await expect(form.getByLabel('Compute pool')).not.toHaveValue('');
  await form.getByLabel('Compute pool').fill(POOL);
  await form.getByLabel('Job name').fill(name);
  await form.getByLabel('Image').fill('/flurry/public/images/flurry_test:latest');
  await form.getByLabel('Arguments').fill('--sleep\n6\n--lines\n5');

  // The spec and the exact statement follow the fields.
  const yaml = form.getByLabel('Specification (YAML)');
  await expect(yaml).toHaveValue(/image: \/flurry\/public\/images\/flurry_test:latest/);
  await expect(yaml).toHaveValue(/- --sleep\n\s+- "?6"?/);
  const sql = form.getByTestId('job-service-sql');
  await expect(sql).toContainText(`IN COMPUTE POOL ${POOL}`);
  await expect(sql).toContainText(`NAME = ${name}`);
  await expect(sql).toContainText('ASYNC = TRUE');
  await expect(sql).toContainText('FROM SPECIFICATION $$');

  // Bad input is named before anything is submitted.
  await form.getByLabel('Memory').fill('lots');
  await expect(form.getByRole('alert').filter({ hasText: 'Memory needs a unit' })).toBeVisible();
  await form.getByLabel('Memory').fill('256Mi');
  await expect(yaml).toHaveValue(/memory: 256Mi/);

  // YAML the fields cannot say locks them; discarding the edit unlocks them.
  await yaml.fill(`${await yaml.inputValue()}    command: [node]\n`);
  await expect(form.getByTestId('fields-locked')).toBeVisible();
  await expect(form.getByLabel('Image')).toBeDisabled();
  await form.getByRole('button', { name: 'Discard the YAML edits' }).click();
  await expect(form.getByLabel('Image')).toBeEnabled();

  // YAML typed by hand is checked by path, and fields it can be said with follow it.
  const written = (memory: string) =>
    `spec:\n  containers:\n  - name: main\n    image: flurry_test\n    args: [--sleep, "6", --lines, "5"]\n    resources:\n      requests: {memory: ${memory}}\n      limits: {memory: ${memory}}\n`;
  await yaml.fill(written('lots'));
  await expect(form.getByRole('list', { name: 'Specification errors' })).toContainText('spec.containers[0].resources.requests.memory');
  await yaml.fill(written('256Mi'));
  await expect(form.getByRole('list', { name: 'Specification errors' })).toHaveCount(0);
  await expect(form.getByTestId('fields-locked')).toHaveCount(0);
  await expect(form.getByLabel('Image')).toHaveValue('flurry_test');
  await expect(form.getByLabel('Arguments')).toHaveValue('--sleep\n6\n--lines\n5');
  await expect(form.getByLabel('Memory')).toHaveValue('256Mi');

  await form.getByRole('button', { name: 'Launch job service' }).click();
  await page.waitForURL(/\/jobs\/[^/?]+$/);
  await app.markDocument();

  await expect(page.getByTestId('service-name')).toHaveText(new RegExp(`\\.${name.toUpperCase()}$`), { timeout: 30_000 });
  await expect(page.getByTestId('log-state')).toHaveText('Following…', { timeout: 30_000 });
  await expect(page.getByTestId('job-status')).toHaveText(/Succeeded\s*DONE/, { timeout: 60_000 });
  const container = page.getByTestId('container-row');
  await expect(container).toHaveCount(1);
  await expect(container.getByTestId('container-status')).toHaveText('DONE');
  await expect(container.getByTestId('container-exit-code')).toHaveText('0');
  await expect(page.getByTestId('log-state')).toHaveText('Job ended: the log is complete.');
  const log = page.getByTestId('log-lines');
  await expect(log).toContainText('flurry_test started');
  await expect(log).toContainText('line 5');
  await expect(log).toContainText('flurry_test exiting with 0');
  await expect(page.getByTestId('job-spec')).toContainText('image: flurry_test');
  await app.expectSameDocument();

  // Launch again refills the form from this job.
  await page.getByRole('link', { name: 'Launch again' }).click();
  await expect(page).toHaveURL(/kind=job_service&from=/);
  const again = page.getByRole('form', { name: 'Job service' });
  await expect(again.getByLabel('Compute pool')).toHaveValue(POOL);
  await expect(again.getByLabel('Job name')).toHaveValue('');
  await expect(again.getByLabel('Image')).toHaveValue('flurry_test');
  await expect(again.getByLabel('Memory')).toHaveValue('256Mi');

  // In Jobs, the kind filter finds it.
  await page.goto('/jobs?kind=job_service');
  const row = app.rows.filter({ hasText: name.toUpperCase() });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('job-kind')).toHaveText('Job service');
  await expect(app.rows.filter({ hasText: 'CREATE COMPUTE POOL' })).toHaveCount(0);
});
