/**
 * The Timeline as a user meets it: a launched batch's bars and summary appear, grow and
 * settle; bars open their jobs; zoom and pan by keyboard, wheel and drag are kept in the URL;
 * and the six-step pipeline launched in parallel and in sequence compares on one screen.
 */
import { SQL_EXAMPLES } from '../app/launch/examples';
import { expect, test, type FlurryApp } from './fixtures';
import type { Locator, Page } from '@playwright/test';

const PIPELINE = SQL_EXAMPLES.find((example) => example.name === 'Six-step pipeline');

/** A duration as the summary writes it ("850 ms", "2.0 s", "37 s", "1m 05s"), in ms. */
function parseDuration(text: string): number {
  const value = text.trim();
  let match = /^(\d+) ms$/.exec(value);
  if (match) return Number(match[1]);
  match = /^(\d+(?:\.\d)?) s$/.exec(value);
  if (match) return Number(match[1]) * 1_000;
  match = /^(\d+)m (\d+)s$/.exec(value);
  if (match) return (Number(match[1]) * 60 + Number(match[2])) * 1_000;
  throw new Error(`not a duration: "${value}"`);
}

/** 0 (black) to 1 (white), from a computed colour in rgb() or oklch() form. */
function lightness(color: string): number {
  const [first, second, third] = (color.match(/[\d.]+%?/g) ?? []).map((part) => (part.endsWith('%') ? Number(part.slice(0, -1)) / 100 : Number(part)));
  if (color.startsWith('oklch') || color.startsWith('oklab') || color.startsWith('lab')) return first > 1 ? first / 100 : first;
  return (first + second + third) / (3 * 255);
}

const metric = (scope: Locator, name: string) => scope.locator(`[data-metric="${name}"]`);

/** Waits until every bar in the scope shows a finished job and the summary no longer says "so far". */
async function expectSettled(scope: Locator, bars: number): Promise<void> {
  await expect(scope.locator('[data-bar]')).toHaveCount(bars);
  await expect(scope.locator('[data-bar][data-phase="succeeded"]')).toHaveCount(bars, { timeout: 30_000 });
  await expect(scope.locator('[data-summary-sentence]')).not.toContainText('so far');
}

function viewParams(page: Page): { from: string | null; to: string | null } {
  const url = new URL(page.url());
  return { from: url.searchParams.get('from'), to: url.searchParams.get('to') };
}

/** Picks a batch by its label in one of the Timeline's batch lists. */
async function chooseBatch(page: Page, list: 'Batch' | 'Compare with', label: string): Promise<void> {
  const select = page.getByRole('combobox', { name: list, exact: true });
  const value = await select.locator('option', { hasText: label }).getAttribute('value');
  if (!value) throw new Error(`no batch labelled ${label} in the ${list} list`);
  await select.selectOption(value);
}

async function launchPipeline(app: FlurryApp, mode: 'parallel' | 'sequence', label: string): Promise<string> {
  if (!PIPELINE) throw new Error('the Launch page no longer offers the six-step pipeline');
  return app.launch({ sql: PIPELINE.sql, statements: 6, label, mode });
}

test('a launched batch draws its bars and summary live, then settles', async ({ app, page }) => {
  const label = `timeline-live-${Date.now()}`;
  const batchId = await app.launch({
    // SELECT 42 overlaps both waits if it starts within 2 s of them, which a busy machine still manages.
    sql: 'CALL SYSTEM$WAIT(2);\nCALL SYSTEM$WAIT(3);\nSELECT 42;',
    statements: 3,
    label,
  });
  await page.getByRole('link', { name: 'Batch timeline' }).click();
  await page.waitForURL(`/batches/${batchId}`);
  await expect(page.getByRole('heading', { name: label })).toBeVisible();

  const chart = page.getByRole('group', { name: `Timeline of ${label}` });
  // While the three-second wait runs its bar is live: running, ending at the now-line.
  await expect(chart.locator('[data-bar][data-phase="running"]').first()).toBeVisible();
  await expect(page.locator('[data-summary-sentence]')).toContainText('so far');
  await expect(chart.locator('[data-now-line]')).toHaveCount(1);

  await expectSettled(page.locator('main'), 3);
  // The three ran at once: the batch took about as long as its longest statement, not their sum.
  const makespan = parseDuration(await metric(page.locator('main'), 'makespan').innerText());
  const totalWork = parseDuration(await metric(page.locator('main'), 'total-work').innerText());
  expect(makespan).toBeGreaterThanOrEqual(3_000);
  expect(makespan).toBeLessThan(totalWork);
  expect(totalWork).toBeGreaterThanOrEqual(5_000);
  await expect(metric(page.locator('main'), 'concurrency')).toHaveText('peak 3');
  await expect(page.locator('[data-phase-counts]')).toHaveText('3 succeeded');

  // Hovering a bar shows its times; the row's label says them to a screen reader.
  const waitTwo = chart.getByRole('link', { name: /^CALL SYSTEM\$WAIT\(2\): Succeeded \(SUCCESS\), queued \d+ ms, ran 2\.\d s$/ });
  await expect(waitTwo).toBeVisible();
  const bar = chart.locator('[data-bar]').nth(1);
  await bar.locator('[data-segment="running"]').hover();
  const tooltip = page.locator('[data-timeline-tooltip]');
  await expect(tooltip).toContainText('Ran');
  await expect(tooltip).toContainText('SUCCESS');

  // ↓ moves between rows by keyboard.
  const rows = chart.locator('[data-row-link]');
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();

  // Zoom by keyboard is kept in the URL; 0 fits everything again.
  await chart.focus();
  await page.keyboard.press('+');
  await expect.poll(() => Object.values(viewParams(page)).every((value) => value !== null)).toBe(true);
  const zoomed = viewParams(page);
  expect(Number(zoomed.to) - Number(zoomed.from)).toBeLessThan(makespan);
  // A reload keeps the zoom.
  await page.reload();
  await expect(page.locator('[data-view-range]')).toBeVisible();
  expect(viewParams(page)).toEqual(zoomed);

  // Dragging the chart pans it: the same span, later or earlier.
  const box = await page.locator('[data-timeline] svg[data-plot]').first().boundingBox();
  if (!box) throw new Error('the time axis is not drawn');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  // (The URL's two parameters may be rewritten a moment apart: wait for both.)
  const span = (view: { from: string | null; to: string | null }) => Number(view.to) - Number(view.from);
  await expect.poll(() => viewParams(page).from !== zoomed.from && span(viewParams(page)) === span(zoomed)).toBe(true);
  const panned = viewParams(page);
  expect(Number(panned.from)).toBeGreaterThan(Number(zoomed.from));

  // The wheel over the axis zooms out about the pointer.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 400);
  await expect.poll(() => span(viewParams(page))).toBeGreaterThan(span(panned));

  await chart.focus();
  await page.keyboard.press('0');
  await expect.poll(() => viewParams(page)).toEqual({ from: null, to: null });

  // In dark mode the chart is drawn dark.
  const chartLightness = () => chart.evaluate((element) => getComputedStyle(element).backgroundColor).then(lightness);
  expect(await chartLightness()).toBeGreaterThan(0.9);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await chartLightness()).toBeLessThan(0.3);
  await page.emulateMedia({ colorScheme: 'light' });

  // Clicking a bar opens its job.
  await chart.locator('[data-bar]').first().locator('rect').last().click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('job-status')).toContainText('Succeeded');
});

test('the six-step pipeline in parallel and in sequence, compared on one screen', async ({ app, page }) => {
  const stamp = Date.now();
  await launchPipeline(app, 'parallel', `pipeline parallel ${stamp}`);
  await launchPipeline(app, 'sequence', `pipeline sequence ${stamp}`);

  // Picked on the Timeline page the way a user does, from the batch lists.
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await page.waitForURL(/\/timeline/);
  await chooseBatch(page, 'Batch', `pipeline parallel ${stamp}`);
  await chooseBatch(page, 'Compare with', `pipeline sequence ${stamp}`);

  const parallel = page.getByRole('region', { name: `pipeline parallel ${stamp}` });
  const sequence = page.getByRole('region', { name: `pipeline sequence ${stamp}` });
  await expectSettled(parallel, 6);
  await expectSettled(sequence, 6);

  const parallelMakespan = parseDuration(await metric(parallel, 'makespan').innerText());
  const sequenceMakespan = parseDuration(await metric(sequence, 'makespan').innerText());
  // Three loads of 2 s and three updates of 1 s: about 2 s side by side, at least 9 s one by one.
  expect(parallelMakespan).toBeGreaterThanOrEqual(2_000);
  expect(sequenceMakespan).toBeGreaterThanOrEqual(9_000);
  expect(parallelMakespan * 3).toBeLessThan(sequenceMakespan);
  // All six started together, not one after another (that would spread them over seconds).
  expect(parseDuration(await metric(parallel, 'start-spread').innerText())).toBeLessThan(1_000);
  await expect(metric(parallel, 'concurrency')).toHaveText('peak 6');
  await expect(metric(sequence, 'concurrency')).toHaveText('peak 1');
  const speedUp = Number((await metric(parallel, 'speed-up').innerText()).replace('×', ''));
  expect(speedUp).toBeGreaterThan(3.5);
  expect(speedUp).toBeLessThanOrEqual(4.5);
  await expect(page.locator('[data-comparison]')).toContainText(`pipeline parallel ${stamp} finished`);

  // Both on one scale of time since each began: the axis reads in elapsed time.
  await expect(parallel.locator('[data-timeline]')).toContainText('Time since each batch began');
});
