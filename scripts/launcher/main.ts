/**
 * The launcher behind `npm start`, `npm run warehouse` and `npm run dashboard`:
 * builds the dashboard when its build is stale, starts the local warehouse (unless a Snowflake
 * account is configured) and the dashboard, and keeps them running: a process that exits without
 * being asked to is started again on its own, the other keeps running (see supervisor.ts). Stops
 * both on Ctrl-C or SIGTERM, or when one keeps failing.
 */
import path from 'node:path';
import { loadConfig } from '../../lib/config';
import { threadPoolSizeFor } from '../../lib/local-warehouse/engine/thread-pool';
import { buildIfStale } from './build';
import { launcherClock, spawnProcess, waitUntilAnswering } from './processes';
import { Supervisor } from './supervisor';

const root = path.resolve(import.meta.dirname, '..', '..');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length) ?? null;
if (only !== null && only !== 'warehouse' && only !== 'dashboard') {
  console.error(`flurry: --only must be "warehouse" or "dashboard", not "${only}".`);
  process.exit(2);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  console.error(`flurry: ${(error as Error).message}`);
  process.exit(2);
}

const supervisor = new Supervisor({ clock: launcherClock, log: (line) => console.error(line) });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
let started = 0;
let exitCode: number | null = null;

/** Stops everything once; the first caller's exit code wins. */
async function shutdown(code: number): Promise<never> {
  exitCode ??= code;
  await supervisor.stop();
  if (started > 0) console.log('flurry: stopped.');
  process.exit(exitCode);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function startWarehouse(): Promise<void> {
  if (config.snowflake) {
    console.log(`flurry: Snowflake account "${config.snowflake.account}" configured (${config.snowflake.source}); the local warehouse is not started.`);
    return;
  }
  const { host, port, concurrency } = config.localWarehouse;
  const name = 'local warehouse';
  started++;
  await supervisor.start({
    name,
    launch: () =>
      spawnProcess(name, {
        command: process.execPath,
        args: ['--conditions=react-server', '--import', 'tsx', path.join(root, 'scripts/local-warehouse.ts')],
        // Sized before the process starts: libuv reads it once, at first use (see engine/thread-pool.ts).
        env: { ...env, UV_THREADPOOL_SIZE: String(threadPoolSizeFor(concurrency)) },
        cwd: root,
      }),
    whenUp: (child) => waitUntilAnswering(`http://${host}:${port}/`, 60_000, name, child),
  });
  console.log(`flurry: local warehouse ready at http://${host}:${port}`);
}

async function buildDashboardIfStale(): Promise<void> {
  if (!buildIfStale(root, env)) {
    console.error('flurry: the dashboard build failed; see the output above.');
    await shutdown(1);
  }
}

async function startDashboard(): Promise<void> {
  const { host, port } = config.dashboard;
  const name = 'dashboard';
  started++;
  await supervisor.start({
    name,
    launch: () =>
      spawnProcess(name, {
        command: process.execPath,
        args: [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '--hostname', host, '--port', String(port)],
        env,
        cwd: root,
      }),
    whenUp: (child) => waitUntilAnswering(`http://${host}:${port}/api/health`, 120_000, name, child),
  });
  console.log(`flurry: dashboard ready at http://${host}:${port}`);
}

try {
  // Build first: a failed build should not leave a warehouse running behind it.
  if (only !== 'warehouse') await buildDashboardIfStale();
  if (only !== 'dashboard') await startWarehouse();
  if (only !== 'warehouse') await startDashboard();
} catch (error) {
  if (exitCode === null) console.error(`flurry: ${(error as Error).message}`);
  await shutdown(1);
}

if (started === 0) process.exit(0);

// From here the supervisor restarts whichever process exits; it resolves this only when one
// keeps failing, after it has said why and stopped the rest.
await supervisor.gaveUp;
await shutdown(1);
