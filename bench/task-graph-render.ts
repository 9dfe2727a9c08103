/**
 * The Graph page with big task graphs, in Debian's Chromium against the real dashboard (built
 * with `next build`, as `npm start` serves it). Pipeline-shaped graphs of 100, 300 and 1000 tasks
 * (graph.fixture.ts `pipelineGraph`: a root fanning out in layers, joins, a finalizer) are created
 * with CREATE TASK through snowflake-sdk in the local warehouse, one graph at a time (dropped
 * after, so SHOW TASKS holds only the graph measured). Each is opened several times before it
 * has run and again after one run (EXECUTE TASK, bodies `SELECT 1`), and its canvas dragged and
 * wheel-zoomed. Prints, per size and run, side by side:
 * - structure / runs read: GET /api/tasks (SHOW TASKS) and /api/tasks/runs (TASK_HISTORY,
 *   CURRENT_TASK_GRAPHS), request to last byte, median;
 * - layout: the page's own `task-graph:layout` measure (User Timing, task-graph-view.tsx), median;
 * - render: the structure's arrival to the first frame of the view the page opens on (the page's
 *   own work), median. Below OPEN_ON_ROOT_FROM tasks that view is the whole graph fitted; from it
 *   on, the root's neighbourhood at a readable zoom (task-graph-view.tsx);
 * - first nodes: navigation start to the `task-graph:fitted` mark, the first frame with that
 *   view's nodes in the DOM, median;
 * - status on screen: navigation start to the first node showing SUCCEEDED (after a run), median;
 * - drag frames in the opening view, then drag / wheel frames with the whole graph fitted (the
 *   Fit view control: every node drawn), one step per frame, median, p95 and worst (16.7 ms is
 *   60 frames a second);
 * - nodes in the DOM in the opening view (React Flow culls what is off screen).
 *
 * Run: npm run bench:graph
 */
import type { Page } from '@playwright/test';
import { pipelineGraph } from '@/lib/domain/task-graph/graph.fixture';
import { createWarehousePool, type WarehousePool } from '@/lib/warehouse/pool';
import { execute } from '@/lib/warehouse/sdk';
import { benchConfig } from './bench-dashboard';
import { frameSummary, frameTimes, startBrowserDashboard } from './browser-dashboard';
import { median, ms } from './stats';

const SIZES = [100, 300, 1_000];
const LOADS = 5;
const FRAMES = 90;
const PANE = '[data-task-graph] .react-flow__pane';
/** lib/tasks shares a SHOW TASKS read for a second: loads further apart each read afresh. */
const BETWEEN_LOADS_MS = 1_100;

interface GraphSql {
  root: string;
  create: string[];
  drop: string[];
}

/** The fixture's pipeline of `size` tasks as CREATE TASK statements in FLURRY.PUBLIC, named G<size>_*. */
function graphSql(size: number): GraphSql {
  const rename = (name: string) => name.replace('DB.PIPE.', `FLURRY.PUBLIC.G${size}_`);
  const { tasks } = pipelineGraph(size);
  const create = tasks.map((task) => {
    const clause = task.finalize ? ` FINALIZE = ${rename(task.finalize)}` : task.predecessors.length > 0 ? ` AFTER ${task.predecessors.map(rename).join(', ')}` : '';
    return `CREATE TASK ${rename(task.name)}${clause} AS SELECT 1`;
  });
  // Dependents first, so no task is left a root of its own on the way.
  const drop = tasks.map((task) => `DROP TASK ${rename(task.name)}`).reverse();
  return { root: rename(tasks[0].name), create, drop };
}

/** Runs `statements` as one multi-statement request. */
function runAll(pool: WarehousePool, statements: readonly string[]): Promise<unknown> {
  return pool.withConnection((connection) => execute(connection, statements.join(';\n'), { parameters: { MULTI_STATEMENT_COUNT: 0 } }));
}

interface LoadFigures {
  structure: number[];
  runs: number[];
  layout: number[];
  firstNodes: number[];
  render: number[];
  status: number[];
}

interface FrameFigures {
  nodesOpening: number;
  dragOpening: number[];
  drag: number[];
  wheel: number[];
  nodes: number;
}

async function measureLoads(page: Page, url: string, size: number, ran: boolean): Promise<LoadFigures> {
  const figures: LoadFigures = { structure: [], runs: [], layout: [], firstNodes: [], render: [], status: [] };
  for (let load = 0; load < LOADS; load += 1) {
    await new Promise((resolve) => setTimeout(resolve, BETWEEN_LOADS_MS));
    await page.goto(url);
    // The runs read starts once the structure names the root, and may end after the first draw.
    await page.waitForFunction(
      () => performance.getEntriesByName('task-graph:fitted').length > 0 && performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname === '/api/tasks/runs'),
      undefined,
      { timeout: 60_000 },
    );
    if (ran) await page.waitForSelector('[data-task-node][data-state="SUCCEEDED"]', { timeout: 60_000 });
    await page.getByText(`${size} tasks`).waitFor();
    const timing = await page.evaluate(() => {
      const request = (path: string) => performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === path) as PerformanceResourceTiming;
      const structure = request('/api/tasks');
      const runs = request('/api/tasks/runs');
      const firstNodes = performance.getEntriesByName('task-graph:fitted')[0].startTime;
      return {
        now: performance.now(),
        structure: structure.responseEnd - structure.requestStart,
        runs: runs.responseEnd - runs.requestStart,
        layout: performance.getEntriesByName('task-graph:layout').reduce((sum, entry) => sum + entry.duration, 0),
        firstNodes,
        render: firstNodes - structure.responseEnd,
      };
    });
    figures.structure.push(timing.structure);
    figures.runs.push(timing.runs);
    figures.layout.push(timing.layout);
    figures.firstNodes.push(timing.firstNodes);
    figures.render.push(timing.render);
    if (ran) figures.status.push(timing.now);
  }
  return figures;
}

const countNodes = (page: Page) => page.locator('[data-task-graph] [data-task-node]').count();

/** The Controls' "fit view" button: the whole graph on screen, every node drawn. */
async function fitWholeGraph(page: Page, size: number): Promise<void> {
  await page.locator('[data-task-graph] .react-flow__controls-fitview').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-task-graph] [data-task-node]').length === n, size);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function measureFrames(page: Page, size: number): Promise<FrameFigures> {
  // The view the page opens on: the whole graph below OPEN_ON_ROOT_FROM tasks, else the root's
  // neighbourhood at a readable zoom (React Flow culls what is off screen).
  const nodesOpening = await countNodes(page);
  const dragOpening = await frameTimes(page, { selector: PANE, kind: 'drag', events: 'mouse', frames: FRAMES });
  await fitWholeGraph(page, size);
  const drag = await frameTimes(page, { selector: PANE, kind: 'drag', events: 'mouse', frames: FRAMES });
  const wheel = await frameTimes(page, { selector: PANE, kind: 'wheel', events: 'mouse', frames: FRAMES });
  return { nodesOpening, dragOpening, drag, wheel, nodes: size };
}

interface Result {
  size: number;
  ran: boolean;
  loads: LoadFigures;
  frames: FrameFigures;
}

const dashboard = await startBrowserDashboard({ name: 'task-graph' });
const pool = createWarehousePool(benchConfig(dashboard.dataDir, dashboard.warehouse.port), { max: 1 });
try {
  const { page, baseUrl } = dashboard;
  const results: Result[] = [];
  const setup: string[] = [];
  for (const size of SIZES) {
    const sql = graphSql(size);
    const url = `${baseUrl}/tasks/${encodeURIComponent(sql.root)}`;
    let started = performance.now();
    await runAll(pool, sql.create);
    const created = performance.now() - started;
    results.push({ size, ran: false, loads: await measureLoads(page, url, size, false), frames: await measureFrames(page, size) });

    started = performance.now();
    await runAll(pool, [`SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('${sql.root}')`, `EXECUTE TASK ${sql.root} AWAIT`, `ALTER TASK ${sql.root} SUSPEND`]);
    const ran = performance.now() - started;
    results.push({ size, ran: true, loads: await measureLoads(page, url, size, true), frames: await measureFrames(page, size) });

    await runAll(pool, sql.drop);
    setup.push(`${size} tasks: created in ${ms(created)}, one run in ${ms(ran)}`);
  }

  const label = (result: Result) => `| ${result.size.toLocaleString('en-US')} | ${result.ran ? 'after one run' : 'never run'} |`;
  console.log(`\nTask graph page in Chromium (${LOADS} loads per size and run, medians)\n`);
  console.log('| tasks | graph | structure read | runs read | layout | render | first nodes | status on screen |');
  console.log('| ---: | :--- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const result of results) {
    const { loads } = result;
    console.log(
      `${label(result)} ${ms(median(loads.structure))} | ${ms(median(loads.runs))} | ${ms(median(loads.layout))} | ${ms(median(loads.render))} | ${ms(median(loads.firstNodes))} | ${ms(median(loads.status))} |`,
    );
  }
  console.log(`\nDragging and wheel-zooming the canvas (${FRAMES} frames each; frame p50 / p95 / worst)\n`);
  console.log('| tasks | graph | nodes in DOM, opening view | drag, opening view | drag, whole graph fitted | wheel, whole graph fitted |');
  console.log('| ---: | :--- | ---: | ---: | ---: | ---: |');
  for (const result of results) {
    const { frames } = result;
    console.log(`${label(result)} ${frames.nodesOpening} | ${frameSummary(frames.dragOpening)} | ${frameSummary(frames.drag)} | ${frameSummary(frames.wheel)} |`);
  }
  console.log(`\nSetup (CREATE TASK statements in one multi-statement request; EXECUTE TASK … AWAIT): ${setup.join('; ')}`);
} finally {
  await pool.close();
  await dashboard.close();
}
