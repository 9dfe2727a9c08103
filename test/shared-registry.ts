/**
 * For tests of server code that reaches the process's shared registry (`registry()` from
 * lib/registry): points it at a data folder of the test file's own for the file's tests, and
 * closes and removes it afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { registry } from '@/lib/registry';

export function useSharedRegistryIn(prefix: string): void {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
    vi.stubEnv('FLURRY_DATA_DIR', dataDir);
    // An empty folder, so a developer's own connections.toml is never read.
    vi.stubEnv('SNOWFLAKE_HOME', dataDir);
  });
  afterAll(async () => {
    (await registry()).close();
    vi.unstubAllEnvs();
    rmSync(dataDir, { recursive: true, force: true });
  });
}
