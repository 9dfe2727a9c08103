import 'server-only';
/**
 * The server's one registry, one per process (lib/runtime/process-singleton.ts): DuckDB allows
 * one open instance per file and process.
 */
import path from 'node:path';
import { config } from '@/lib/config';
import { processSingletonAsync } from '@/lib/runtime/process-singleton';
import { Registry } from './registry';

export { Registry } from './registry';
export type { NewBatch, NewJob, NewJobService, ServiceName, StatusChange, Submission, WarehouseTimes } from './types';

export function registryFile(dataDir: string): string {
  return path.join(dataDir, 'registry.duckdb');
}

export function registry(): Promise<Registry> {
  return processSingletonAsync('registry', () => Registry.open(registryFile(config().dataDir)));
}
