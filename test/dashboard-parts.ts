/**
 * Test fixture: the dashboard's server-side parts (registry, warehouse pool and calls, event
 * bus, tracker) wired as the server wires them, against a real local warehouse and a real
 * DuckDB registry in a fresh data directory. Nothing reads the process's environment.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type FlurryConfig } from '@/lib/config';
import { vi } from 'vitest';
import type { ChangeEvent, Job } from '@/lib/domain/job';
import { registryFile } from '@/lib/registry';
import { Registry } from '@/lib/registry/registry';
import { createEventBus, type EventBus } from '@/lib/tracker/events';
import { Tracker, type TrackerOptions } from '@/lib/tracker/tracker';
import { createWarehouseCalls, type WarehouseCalls } from '@/lib/warehouse/calls';
import { createWarehousePool, type WarehousePool } from '@/lib/warehouse/pool';
import type { LocalWarehouseOptions } from '@/lib/local-warehouse/server';
import { startTestWarehouse, type TestWarehouse } from './local-warehouse';

export interface DashboardParts {
  config: FlurryConfig;
  localWarehouse: TestWarehouse;
  pool: WarehousePool;
  warehouse: WarehouseCalls;
  registry: Registry;
  bus: EventBus;
  /** Every event published on the bus, in order. */
  events: ChangeEvent[];
  tracker: Tracker;
  /** Stops the tracker and closes the registry (as a dashboard shutdown does), then opens both again. */
  restartDashboard(): Promise<void>;
  /** Stops the local warehouse; the returned function starts it again on the same port and data. */
  stopWarehouse(): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Config for a dashboard in `dataDir` talking to the local warehouse on `port`, and to nothing else. */
export function testConfig(dataDir: string, port: number): FlurryConfig {
  // SNOWFLAKE_HOME points at an empty folder so a developer's own connections.toml is never used.
  return loadConfig({ FLURRY_DATA_DIR: dataDir, FLURRY_WAREHOUSE_PORT: String(port), SNOWFLAKE_HOME: dataDir });
}

/** The tracker's optional parts a test may switch on (e.g. importing other clients' queries). */
export type TrackerExtras = Pick<TrackerOptions, 'externalQueries'>;

export async function startDashboardParts(
  warehouseOptions: Partial<LocalWarehouseOptions> = {},
  trackerExtras: TrackerExtras = {},
): Promise<DashboardParts> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'flurry-dashboard-'));
  const warehouseDir = path.join(dataDir, 'warehouse');
  const localWarehouse = await startTestWarehouse({ ...warehouseOptions, dataDir: warehouseDir });
  const config = testConfig(dataDir, localWarehouse.port);
  const pool = createWarehousePool(config);
  const warehouse = createWarehouseCalls(pool);
  const bus = createEventBus();
  const events: ChangeEvent[] = [];
  bus.subscribe((event) => events.push(event));

  const open = async () => {
    const registry = await Registry.open(registryFile(dataDir));
    const tracker = new Tracker({ registry, warehouse, bus, ...trackerExtras });
    await tracker.start();
    return { registry, tracker };
  };

  const parts = { config, localWarehouse, pool, warehouse, bus, events, ...(await open()) } as DashboardParts;
  parts.restartDashboard = async () => {
    await parts.tracker.stop();
    parts.registry.close();
    Object.assign(parts, await open());
  };
  parts.stopWarehouse = async () => {
    const { port } = parts.localWarehouse;
    await parts.localWarehouse.close();
    return async () => {
      parts.localWarehouse = await startTestWarehouse({ ...warehouseOptions, dataDir: warehouseDir, port });
    };
  };
  parts.close = async () => {
    await parts.tracker.stop();
    parts.registry.close();
    await pool.close();
    await parts.localWarehouse.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  return parts;
}

/** Waits until every job `read` returns satisfies `done`, then returns them. */
export function jobsWhen(read: () => Promise<Job[]>, done: (job: Job) => boolean, timeout = 15_000): Promise<Job[]> {
  return vi.waitFor(
    async () => {
      const jobs = await read();
      if (!jobs.every(done)) throw new Error(`jobs not there yet: ${jobs.map((job) => job.rawStatus).join(', ')}`);
      return jobs;
    },
    { timeout, interval: 50 },
  );
}
