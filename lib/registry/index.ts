import 'server-only';
/**
 * The server's one registry. Kept on globalThis because Next.js loads instrumentation and route
 * handlers as separate module graphs (and reloads them in dev), while DuckDB allows one open
 * instance per file and process.
 */
import path from 'node:path';
import { config } from '@/lib/config';
import { Registry } from './registry';

export { Registry } from './registry';
export type { NewBatch, NewJob, NewJobService, ServiceName, StatusChange, Submission, WarehouseTimes } from './registry';

const KEY = Symbol.for('flurry.registry');
type Holder = { [KEY]?: Promise<Registry> };

export function registryFile(dataDir: string): string {
  return path.join(dataDir, 'registry.duckdb');
}

export function registry(): Promise<Registry> {
  const holder = globalThis as Holder;
  holder[KEY] ??= Registry.open(registryFile(config().dataDir)).catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}
