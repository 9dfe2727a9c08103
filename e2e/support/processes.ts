/**
 * Flurry's two processes started by a test on their own ports and data, so a test can kill one
 * (SIGKILL, as a crash does), start it again and watch what the other makes of it. The shared
 * webServer of playwright.config.ts has already built the dashboard; these reuse that build.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { threadPoolSizeFor } from '../../lib/local-warehouse/engine/thread-pool';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface FlurryProcess {
  readonly name: string;
  readonly url: string;
  /** The process itself (the warehouse or the Next.js server, not a launcher), e.g. for /proc. */
  readonly pid: number;
  /** Everything the process printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Sends `signal` to the process and everything it started, and resolves once it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
  readonly exited: Promise<number | null>;
}

/** A fresh folder under this run's directory (playwright.config.ts sets FLURRY_E2E_RUN_DIR). */
export function freshDir(prefix: string): string {
  const parent = path.join(process.env.FLURRY_E2E_RUN_DIR ?? root, 'processes');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, `${prefix}-`));
}

/** No connections.toml and no account: these processes always use a local warehouse. */
function localOnlyEnv(dataDir: string): NodeJS.ProcessEnv {
  const snowflakeHome = path.join(dataDir, 'snowflake-home');
  mkdirSync(snowflakeHome, { recursive: true });
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    FLURRY_DATA_DIR: dataDir,
    SNOWFLAKE_HOME: snowflakeHome,
    SNOWFLAKE_ACCOUNT: '',
    SNOWFLAKE_DEFAULT_CONNECTION_NAME: '',
  };
}

async function waitForAnswer(url: string, child: FlurryProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void child.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the ${child.name} exited (${exitCode}) before answering:\n${child.output()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`the ${child.name} did not answer at ${url} within ${timeoutMs / 1000} s:\n${child.output()}`);
}

function startProcess(name: string, url: string, args: string[], env: NodeJS.ProcessEnv): FlurryProcess {
  // Its own process group, so a kill reaches anything it started (container processes too).
  const child = spawn(process.execPath, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    name,
    url,
    pid: child.pid!,
    exited,
    output: () => printed,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // Already gone between the check and the kill.
      }
      await exited;
    },
  };
}

export interface WarehouseOptions {
  port: number;
  /** The data folder; the warehouse keeps its files in `<dataDir>/warehouse`, as `npm start` does. */
  dataDir: string;
  env?: Record<string, string>;
}

/** `npm run warehouse`, minus the launcher: the warehouse process itself, so a SIGKILL hits it. */
export async function startWarehouse({ port, dataDir, env = {} }: WarehouseOptions): Promise<FlurryProcess> {
  const url = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...localOnlyEnv(dataDir), FLURRY_WAREHOUSE_PORT: String(port), ...env };
  // Sized up front, so the process does not relaunch itself and the pid is the warehouse's.
  // (lib/config is server-only, which Playwright's loader refuses; 8 is its default.)
  const concurrency = Number(childEnv.FLURRY_WAREHOUSE_CONCURRENCY ?? 8);
  const child = startProcess(
    `local warehouse on ${port}`,
    url,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/local-warehouse.ts'],
    { ...childEnv, UV_THREADPOOL_SIZE: String(threadPoolSizeFor(concurrency)) },
  );
  await waitForAnswer(`${url}/`, child, 60_000);
  return child;
}

export interface DashboardOptions {
  port: number;
  warehousePort: number;
  dataDir: string;
  env?: Record<string, string>;
}

/** `next start` on the existing build, talking to the local warehouse on `warehousePort`. */
export async function startDashboard({ port, warehousePort, dataDir, env = {} }: DashboardOptions): Promise<FlurryProcess> {
  const url = `http://127.0.0.1:${port}`;
  const child = startProcess(
    `dashboard on ${port}`,
    url,
    ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', String(port)],
    { ...localOnlyEnv(dataDir), PORT: String(port), FLURRY_WAREHOUSE_PORT: String(warehousePort), ...env },
  );
  await waitForAnswer(`${url}/api/health`, child, 120_000);
  return child;
}
