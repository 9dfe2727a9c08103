/**
 * Task graphs as a user meets them: a three-task graph built in the task form and run from its
 * graph page, nodes turning to succeeded without a reload; and the documented example (B and C
 * in parallel after A, D after both) created with SQL from Launch, shown live with its critical
 * path on the graph and on the run's Gantt.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const nodes = (page: Page) => page.locator('[data-task-node]');

async function createTask(page: Page, task: { name: string; sql: string; after?: string }): Promise<void> {
  await page.goto('/tasks/new');
  await page.getByLabel('Name', { exact: true }).fill(task.name);
  await page.getByLabel('SQL', { exact: true }).fill(task.sql);
  if (task.after) {
    await page.getByLabel('Predecessors').fill(task.after);
    await page.getByLabel('Predecessors').press('Enter');
    await expect(page.getByRole('list', { name: 'Runs after' })).toContainText(task.after);
  }
  await expect(page.getByTestId('task-form-statements')).toContainText(`CREATE TASK FLURRY.PUBLIC.${task.name}`);
  await page.getByRole('button', { name: 'Create task' }).click();
  // Saving opens the graph the task joined, its root's name as the heading.
  await page.waitForURL(new RegExp(`/tasks/[^/]*${task.name}`));
  await expect(nodes(page).filter({ hasText: task.name })).toHaveCount(1);
}

test('a three-task graph built in the form runs from its graph page, nodes turning to succeeded live', async ({ app, page }) => {
  const suffix = Date.now().toString(36).toUpperCase();
  const [root, load, report] = [`E2E_ROOT_${suffix}`, `E2E_LOAD_${suffix}`, `E2E_REPORT_${suffix}`];
  await createTask(page, { name: root, sql: 'SELECT 1' });
  await createTask(page, { name: load, sql: 'CALL SYSTEM$WAIT(2)', after: root });
  await createTask(page, { name: report, sql: 'SELECT 2', after: load });

  await page.goto(`/tasks/${encodeURIComponent(`FLURRY.PUBLIC.${root}`)}`);
  await expect(nodes(page)).toHaveCount(3);
  await expect(nodes(page).locator('xpath=self::*[@data-state="NOT_RUN"]')).toHaveCount(3);
  await app.markDocument();

  // New tasks are created suspended, and a manual run runs only resumed children
  // (https://docs.snowflake.com/en/sql-reference/sql/create-task, https://docs.snowflake.com/en/user-guide/tasks-graphs).
  await page.getByRole('button', { name: 'Resume with dependents' }).click();
  await expect(page.getByRole('button', { name: 'Suspend' })).toBeVisible();
  await page.getByRole('button', { name: 'Run now' }).click();

  await expect(page.locator(`[data-task-node][data-state="EXECUTING"]`)).toHaveCount(1, { timeout: 20_000 });
  await expect(page.locator(`[data-task-node][data-state="SUCCEEDED"]`)).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByRole('combobox', { name: 'Run' })).toContainText('SUCCEEDED');
  // The run's Gantt has a bar per task, the whole chain marked as the critical path.
  await expect(page.locator('[data-bar]')).toHaveCount(3);
  await expect(page.locator('[data-bar][data-marked]')).toHaveCount(3);
  await app.expectSameDocument();

  // The Tasks page lists the graph with its last run.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
  const row = page.locator(`[data-graph="FLURRY.PUBLIC.${root}"]`);
  await expect(row).toContainText('3 tasks');
  await expect(row).toContainText('Succeeded');
  await expect(row.locator('[data-run-state="SUCCEEDED"]')).toHaveCount(1);
});

test('the documented example, inserted and launched from Launch, shows live with its critical path marked', async ({ app, page }) => {
  await app.openLaunch();
  await page.getByRole('button', { name: 'Task graph', exact: true }).click();
  // CREATE TASK … AFTER needs the task before it: the example switches the batch to a sequence.
  await expect(page.getByRole('radio', { name: /Sequence/ })).toBeChecked();
  await expect(page.getByTestId('statement-count')).toHaveText('7 statements');
  await page.getByRole('button', { name: /^Launch/ }).click();
  await page.waitForURL(/\/jobs\?batch=/);

  // The page may open while Launch is still creating the tasks: the run EXECUTE TASK starts
  // makes it read the graph again.
  await page.goto(`/tasks/${encodeURIComponent('FLURRY.PUBLIC.EXAMPLE_A')}`);
  await expect(nodes(page)).toHaveCount(4, { timeout: 30_000 });
  await expect(page.locator(`[data-task-node][data-state="SUCCEEDED"]`)).toHaveCount(4, { timeout: 30_000 });
  // B ran longer than C, so the chain that decided the finish is A → B → D.
  await expect(page.locator('[data-bar][data-marked]')).toHaveCount(3);
  const marked = await page.locator('[data-bar][data-marked]').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-job-id')));
  expect(marked.map((id) => id?.split('.').at(-1))).toEqual(['EXAMPLE_A', 'EXAMPLE_B', 'EXAMPLE_D']);

  // Choosing a task shows its definition and its part in the run.
  await page.locator('[data-task-node]', { hasText: 'EXAMPLE_B' }).first().click();
  const panel = page.locator('[data-task-panel]');
  await expect(panel).toContainText('CALL SYSTEM$WAIT(3)');
  await expect(panel).toContainText('SUCCEEDED');
});
