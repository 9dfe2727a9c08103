/**
 * What an idle dashboard costs a Snowflake account, tested at the HTTP boundary: the server's
 * tracker, set up by trackerOptionsFor as the server sets it up, talks through a recording proxy
 * standing where the account's host would be (a real local warehouse answers behind it). Ten
 * minutes of the loop's own timers run on a fake clock, each step waiting for the real HTTP
 * calls it started, and the recording shows every statement (`/queries/v1/query-request`) an
 * account would have received. On Snowflake any such statement may resume the warehouse, which
 * bills at least 60 s each time (https://docs.snowflake.com/en/user-guide/warehouses-considerations).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '@/lib/config';
import { registryFile } from '@/lib/registry';
import { Registry } from '@/lib/registry/registry';
import { createWarehouseCalls, type WarehouseCalls } from '@/lib/warehouse/calls';
import { ownStatementsToday } from '@/lib/warehouse/own-statements';
import { createWarehousePool, type WarehousePool } from '@/lib/warehouse/pool';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';
import { startRecordingProxy, type RecordingProxy } from '@/test/recording-proxy';
import { changeEventStream } from './event-stream';
import { createEventBus, type EventBus } from './events';
import { Tracker } from './tracker';
import { trackerOptionsFor } from './tracker-options';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

let warehouse: TestWarehouse;
let proxy: RecordingProxy;
let dir: string;

beforeAll(async () => {
  warehouse = await startTestWarehouse({ account: 'myorg-analytics' });
  proxy = await startRecordingProxy(warehouse.url);
  dir = await mkdtemp(path.join(tmpdir(), 'flurry-idle-account-'));
});

afterAll(async () => {
  await proxy?.close();
  await warehouse?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Dashboard {
  tracker: Tracker;
  registry: Registry;
  bus: EventBus;
  pool: WarehousePool;
  /** Warehouse calls started and not yet settled. */
  pending: { count: number };
}

let dashboard: Dashboard | null = null;

afterEach(async () => {
  if (dashboard) {
    await dashboard.tracker.stop();
    vi.useRealTimers();
    dashboard.registry.close();
    await dashboard.pool.close();
    dashboard = null;
  }
  vi.useRealTimers();
});

/** The calls, each counted while in flight, so the clock never moves past a call's own timeout. */
function counted(calls: WarehouseCalls, pending: { count: number }): WarehouseCalls {
  const wrapped: Record<string, unknown> = { ...calls };
  for (const [name, value] of Object.entries(calls)) {
    if (typeof value !== 'function') continue;
    wrapped[name] = (...args: unknown[]) => {
      pending.count++;
      return (value as (...a: unknown[]) => Promise<unknown>)(...args).finally(() => pending.count--);
    };
  }
  return wrapped as WarehouseCalls;
}

/** A dashboard configured for account `myorg-analytics` (host: the proxy), its tracker on a fake clock. */
async function startDashboard(variables: Record<string, string> = {}): Promise<Dashboard> {
  const dataDir = await mkdtemp(path.join(dir, 'dashboard-'));
  const cfg = loadConfig({
    FLURRY_DATA_DIR: dataDir,
    SNOWFLAKE_HOME: dataDir,
    SNOWFLAKE_ACCOUNT: 'myorg-analytics',
    SNOWFLAKE_HOST: '127.0.0.1',
    SNOWFLAKE_PORT: String(proxy.port),
    SNOWFLAKE_PROTOCOL: 'http',
    SNOWFLAKE_USER: 'jane',
    SNOWFLAKE_PASSWORD: 'correct horse',
    SNOWFLAKE_WAREHOUSE: 'BI_WH',
    ...variables,
  });
  const registry = await Registry.open(registryFile(dataDir));
  const pool = createWarehousePool(cfg, { max: 2 });
  const bus = createEventBus();
  const pending = { count: 0 };
  // Only the loop's timers and clock are fake; sockets, DuckDB and the driver's I/O stay real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const tracker = new Tracker(trackerOptionsFor(cfg, { registry, warehouse: counted(createWarehouseCalls(pool), pending), bus }));
  await tracker.start();
  dashboard = { tracker, registry, bus, pool, pending };
  return dashboard;
}

/**
 * Lets real I/O run until no warehouse call is in flight (a few event-loop turns at least). The
 * local warehouse behind the proxy runs in this process on the same fake clock, so a call that
 * stays in flight moves the clock on by 10 ms at a time: far below any call's own timeout (5 s
 * and more), and counted in the time the test runs.
 */
async function settle(pending: { count: number }): Promise<void> {
  const deadline = performance.now() + 15_000;
  for (let quiet = 0, busy = 0; quiet < 5; ) {
    await new Promise((resolve) => setImmediate(resolve));
    quiet = pending.count === 0 ? quiet + 1 : 0;
    busy = pending.count === 0 ? 0 : busy + 1;
    if (busy > 0 && busy % 20 === 0) await vi.advanceTimersByTimeAsync(10);
    if (performance.now() > deadline) throw new Error(`${pending.count} warehouse calls still in flight`);
  }
}

/** Runs the loop's timers for `ms` of fake time, a second at a time, each second's calls to their end. */
async function run(d: Dashboard, ms: number): Promise<void> {
  await settle(d.pending);
  for (let elapsed = 0; elapsed < ms; elapsed += SECOND) {
    await vi.advanceTimersByTimeAsync(SECOND);
    await settle(d.pending);
  }
}

/** What the account received from here on: statements and heartbeats. */
function recordingFrom() {
  const start = proxy.requests.length;
  const since = (prefix: string) => proxy.requests.slice(start).filter((request) => request.path.startsWith(prefix));
  return {
    statements: () => since('/queries/v1/query-request').map((request) => String((request.body as { sqlText?: string }).sqlText)),
    heartbeats: () => since('/session/heartbeat').length,
  };
}

describe('an idle dashboard on a Snowflake account', () => {
  it('sends no statement for 10 minutes: its loop only sends heartbeats, which need no warehouse', async () => {
    const d = await startDashboard();
    const recording = recordingFrom();
    const tallyBefore = ownStatementsToday().statements;

    await run(d, 10 * MINUTE);

    expect(recording.statements()).toEqual([]);
    // The loop did run all along: a heartbeat whenever nothing else reached the account for 5 s.
    expect(recording.heartbeats()).toBeGreaterThanOrEqual(100);
    expect(ownStatementsToday().statements).toBe(tallyBefore);
  });

  it('with the import switched on, reads QUERY_HISTORY only while a page is open', async () => {
    const d = await startDashboard({ FLURRY_EXTERNAL_QUERIES: 'on' });
    const closed = recordingFrom();
    await run(d, 10 * MINUTE);
    expect(closed.statements()).toEqual([]);

    // A tab opens: it listens to the change events, as every page does.
    const page = new AbortController();
    const stream = changeEventStream(page.signal, d.bus);
    const open = recordingFrom();
    const tallyBefore = ownStatementsToday().statements;
    await run(d, MINUTE);
    const reads = open.statements();
    // Every 10 s, the first within one round of the loop (5 s): 6 or 7 reads in the minute.
    expect(reads.length).toBeGreaterThanOrEqual(6);
    expect(reads.length).toBeLessThanOrEqual(7);
    for (const sql of reads) expect(sql).toContain('INFORMATION_SCHEMA.QUERY_HISTORY');
    // Each read is one of Flurry's own statements, counted in today's tally.
    expect(ownStatementsToday().statements - tallyBefore).toBe(reads.length);

    // The tab closes: the reads stop with it.
    page.abort();
    await stream.cancel().catch(() => undefined);
    const afterClose = recordingFrom();
    await run(d, 10 * MINUTE);
    expect(afterClose.statements()).toEqual([]);
  });
});
