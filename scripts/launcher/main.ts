/**
 * The launcher behind `npm start`, `npm run warehouse` and `npm run dashboard`:
 * builds the dashboard when its build is stale, starts the local warehouse (unless a Snowflake
 * account is configured) and the dashboard, and stops both on Ctrl-C or when either exits.
 */
import path from 'node:path';
import { loadConfig } from '../../lib/config';
import { threadPoolSizeFor } from '../../lib/local-warehouse/engine/thread-pool';
import { buildIfStale } from './build';
import { startChild, stopAll, waitUntilAnswering, type Child } from './processes';

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

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const children: Child[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await stopAll(children);
    if (children.length > 0) console.log('flurry: stopped.');
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function startWarehouse(): Promise<void> {
  if (config.snowflake) {
    console.log(`flurry: Snowflake account "${config.snowflake.account}" configured (${config.snowflake.source}); the local warehouse is not started.`);
    return;
  }
  const { host, port, concurrency } = config.localWarehouse;
  const child = startChild(
    'local warehouse',
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(root, 'lib/local-warehouse/main.ts')],
    // Sized before the process starts: libuv reads it once, at first use (see engine/thread-pool.ts).
    { ...env, UV_THREADPOOL_SIZE: String(threadPoolSizeFor(concurrency)) },
    root,
  );
  children.push(child);
  await waitUntilAnswering(`http://${host}:${port}/`, 60_000, child);
}

async function buildDashboardIfStale(): Promise<void> {
  if (!buildIfStale(root, env)) {
    console.error('flurry: the dashboard build failed; see the output above.');
    await shutdown(1);
  }
}

async function startDashboard(): Promise<void> {
  const { host, port } = config.dashboard;
  const child = startChild(
    'dashboard',
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '--hostname', host, '--port', String(port)],
    env,
    root,
  );
  children.push(child);
  await waitUntilAnswering(`http://${host}:${port}/api/health`, 120_000, child);
  console.log(`flurry: dashboard ready at http://${host}:${port}`);
}

try {
  // Build first: a failed build should not leave a warehouse running behind it.
  if (only !== 'warehouse') await buildDashboardIfStale();
  if (only !== 'dashboard') await startWarehouse();
  if (only !== 'warehouse') await startDashboard();
} catch (error) {
  console.error(`flurry: ${(error as Error).message}`);
  await shutdown(1);
}

if (children.length === 0) process.exit(0);

// Whichever child stops first (crash or its own shutdown) takes the others down with it.
const first = await Promise.race(children.map((child) => child.exited.then((code) => ({ child, code }))));
if (!stopping) {
  console.error(`flurry: the ${first.child.name} exited (code ${first.code}); stopping.`);
  await shutdown(first.code === 0 ? 0 : first.code);
}
