/**
 * The dashboard's server-side parts (config, warehouse pool and calls, registry, event bus,
 * tracker) wired in this process as the server wires them, against a local warehouse process,
 * in a fresh data directory that close() removes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type FlurryConfig } from '@/lib/config';
import { registryFile } from '@/lib/registry';
import { Registry } from '@/lib/registry/registry';
import { createEventBus, type EventBus } from '@/lib/tracker/events';
import { Tracker } from '@/lib/tracker/tracker';
import { createWarehouseCalls, type WarehouseCalls } from '@/lib/warehouse/calls';
import { createWarehousePool, type WarehousePool } from '@/lib/warehouse/pool';

export interface BenchDashboard {
  config: FlurryConfig;
  pool: WarehousePool;
  /** The calls the tracker uses (possibly wrapped by the bench to observe them). */
  warehouse: WarehouseCalls;
  registry: Registry;
  bus: EventBus;
  tracker: Tracker;
  close(): Promise<void>;
}

export interface BenchDashboardOptions {
  /** Pooled connections at most (the server's default is 8). */
  poolMax?: number;
  /** Lets a bench observe the tracker's warehouse calls. */
  wrapCalls?: (calls: WarehouseCalls) => WarehouseCalls;
}

/** Config for a dashboard whose data lives in `dataDir`, talking to the local warehouse on `port`. */
export function benchConfig(dataDir: string, port: number): FlurryConfig {
  // SNOWFLAKE_HOME points at an empty folder so a developer's own connections.toml is never used.
  return loadConfig({ FLURRY_DATA_DIR: dataDir, FLURRY_WAREHOUSE_PORT: String(port), SNOWFLAKE_HOME: dataDir });
}

export async function startBenchDashboard(warehousePort: number, options: BenchDashboardOptions = {}): Promise<BenchDashboard> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'flurry-bench-dashboard-'));
  const config = benchConfig(dataDir, warehousePort);
  const pool = createWarehousePool(config, { max: options.poolMax });
  const calls = createWarehouseCalls(pool);
  const warehouse = options.wrapCalls ? options.wrapCalls(calls) : calls;
  const registry = await Registry.open(registryFile(dataDir));
  const bus = createEventBus();
  // As the server does: it also imports the queries other clients run (a history read every 10 s).
  const tracker = new Tracker({ registry, warehouse, bus, externalQueries: config.dashboard.externalQueries ? {} : undefined });
  await tracker.start();
  return {
    config,
    pool,
    warehouse,
    registry,
    bus,
    tracker,
    async close() {
      await tracker.stop();
      registry.close();
      await pool.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
