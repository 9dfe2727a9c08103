/**
 * Starts the local warehouse as its own process, as `npm start` does, on a free port with a
 * fresh data directory, so a benchmark measures the real process boundary.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../lib/config';
import { threadPoolSizeFor } from '../lib/local-warehouse/engine/thread-pool';

export interface WarehouseProcess {
  port: number;
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startWarehouseProcess(env: Record<string, string> = {}): Promise<WarehouseProcess> {
  const root = path.resolve(import.meta.dirname, '..');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'flurry-bench-'));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(root, 'scripts/local-warehouse.ts')],
    {
      cwd: root,
      // The thread pool sized up front, as the launcher does: otherwise the warehouse relaunches
      // itself sized, and `pid` would be the short-lived parent, not the process measured.
      env: {
        ...process.env,
        FLURRY_DATA_DIR: dataDir,
        FLURRY_WAREHOUSE_PORT: String(port),
        UV_THREADPOOL_SIZE: String(threadPoolSizeFor(loadConfig({ ...process.env, ...env }).localWarehouse.concurrency)),
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('the local warehouse did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    port,
    pid: child.pid as number,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
