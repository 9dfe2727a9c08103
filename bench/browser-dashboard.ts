/**
 * The real dashboard in Debian's Chromium, for the benches that measure pages: a local warehouse
 * process, the dashboard built with `next build` (when stale) and served by `next start` as
 * `npm start` serves it, on free ports with a fresh data directory; and the input the benches
 * replay, one step per frame, to time a chart's frames while it is dragged or wheel-zoomed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { buildIfStale } from '../scripts/launcher/build';
import { spawnProcess, waitUntilAnswering, type RunningProcess } from '../scripts/launcher/processes';
import { freePort, startWarehouseProcess, type WarehouseProcess } from './local-warehouse-process';
import { median, ms, percentile } from './stats';

const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium';

export interface BrowserDashboard {
  baseUrl: string;
  page: Page;
  warehouse: WarehouseProcess;
  /** The dashboard's data directory (its registry). */
  dataDir: string;
  close(): Promise<void>;
}

export interface BrowserDashboardOptions {
  /** Names the data directory. */
  name: string;
  /** Runs before the dashboard starts: its registry can only be opened by one process at a time. */
  beforeStart?: (dataDir: string) => Promise<void>;
}

export async function startBrowserDashboard({ name, beforeStart }: BrowserDashboardOptions): Promise<BrowserDashboard> {
  const warehouse = await startWarehouseProcess();
  const dataDir = await mkdtemp(path.join(tmpdir(), `flurry-bench-${name}-`));
  let dashboard: RunningProcess | null = null;
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close();
    dashboard?.kill('SIGTERM');
    await dashboard?.exited;
    await warehouse.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const root = path.resolve(import.meta.dirname, '..');
    const port = await freePort();
    const env = { ...process.env, FLURRY_DATA_DIR: dataDir, FLURRY_WAREHOUSE_PORT: String(warehouse.port), SNOWFLAKE_HOME: dataDir, PORT: String(port), HOST: '127.0.0.1' };
    await beforeStart?.(dataDir);
    if (!buildIfStale(root, env)) throw new Error('the dashboard build failed');
    dashboard = spawnProcess('dashboard', {
      command: process.execPath,
      args: [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '--hostname', '127.0.0.1', '--port', String(port)],
      env,
      cwd: root,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntilAnswering(`${baseUrl}/api/health`, 60_000, 'dashboard', dashboard);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx compiles the benches keeping function names through an `__name` helper, which the
    // functions sent to page.evaluate then call inside the page.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    return { baseUrl, page, warehouse, dataDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface FrameInput {
  /** The element that takes the input, e.g. the chart's plot or React Flow's pane. */
  selector: string;
  kind: 'drag' | 'wheel';
  /** Which events a drag is made of: the Timeline listens to pointer events, d3-zoom to mouse events. */
  events: 'pointer' | 'mouse';
  frames: number;
}

/**
 * Milliseconds between frames while the element under `selector` is dragged (or wheel-zoomed)
 * one step per frame, back and forth around its middle so the view stays over the content.
 */
export function frameTimes(page: Page, input: FrameInput): Promise<number[]> {
  return page.evaluate(
    ({ selector, kind, events, frames }) =>
      new Promise<number[]>((resolve) => {
        const target = document.querySelector(selector) as Element;
        const box = target.getBoundingClientRect();
        const y = box.top + box.height / 2;
        const x0 = box.left + box.width / 2;
        // d3-zoom follows a drag on the element's window (event.view).
        const pointer = (type: 'down' | 'move' | 'up', x: number) =>
          target.dispatchEvent(
            events === 'pointer'
              ? new PointerEvent(`pointer${type}`, { bubbles: true, view: window, clientX: x, clientY: y, pointerId: 1, button: 0, isPrimary: true })
              : new MouseEvent(`mouse${type}`, { bubbles: true, view: window, clientX: x, clientY: y, button: 0 }),
          );
        if (kind === 'drag') pointer('down', x0);
        const gaps: number[] = [];
        let last = 0;
        let i = 0;
        const frame = (time: number) => {
          if (last > 0) gaps.push(time - last);
          last = time;
          if (i === frames) {
            if (kind === 'drag') pointer('up', x0);
            resolve(gaps);
            return;
          }
          const offset = 300 * Math.sin((i / frames) * 4 * Math.PI);
          if (kind === 'drag') pointer('move', x0 + offset);
          else target.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, view: window, clientX: x0 + offset, clientY: y, deltaY: i % 20 < 10 ? -60 : 60 }));
          i += 1;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    input,
  );
}

/** Frame gaps as "median / p95 / worst". */
export function frameSummary(values: readonly number[]): string {
  return `${ms(median(values))} / ${ms(percentile(values, 95))} / ${ms(Math.max(...values))}`;
}
