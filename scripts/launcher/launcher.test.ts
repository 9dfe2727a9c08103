/**
 * The launcher as `npm run warehouse` runs it: a real process, real ports, real signals.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function launch(args: string[], env: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'flurry-launcher-'));
  dirs.push(dataDir);
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/launcher/main.ts', ...args], {
    cwd: root,
    // An empty SNOWFLAKE_HOME: a developer's own connections.toml must not decide the outcome.
    env: { ...process.env, FLURRY_DATA_DIR: dataDir, SNOWFLAKE_HOME: dataDir, SNOWFLAKE_ACCOUNT: '', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`);
    return true;
  } catch {
    return false;
  }
}

/** The pids of `pid`'s child processes. */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

describe('launcher', () => {
  it('starts the local warehouse alone and stops it cleanly on Ctrl-C (SIGINT)', async () => {
    const port = await freePort();
    const run = launch(['--only=warehouse'], { FLURRY_WAREHOUSE_PORT: String(port) });
    await waitFor(() => answers(port));
    expect(run.output()).toContain(`Local warehouse listening on http://127.0.0.1:${port}`);

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(await answers(port)).toBe(false);
    expect(run.output()).toContain('flurry: stopped.');
  });

  it('restarts a SIGKILLed local warehouse under a new pid and keeps running, then stops once on SIGINT', async () => {
    const port = await freePort();
    const run = launch(['--only=warehouse'], { FLURRY_WAREHOUSE_PORT: String(port) });
    // Not merely answering: a first start that fails before the launcher saw it answer is not retried.
    await waitFor(() => run.output().includes(`flurry: local warehouse ready at http://127.0.0.1:${port}`), 60_000);
    const [first] = childrenOf(run.child.pid!);
    expect(first).toBeGreaterThan(0);

    process.kill(first, 'SIGKILL');
    await waitFor(() => run.output().includes('flurry: the local warehouse answers again.'), 60_000);
    const [second] = childrenOf(run.child.pid!);
    expect(second).not.toBe(first);
    expect(await answers(port)).toBe(true);
    expect(run.output()).toContain('flurry: the local warehouse exited (signal SIGKILL); restarting it in 0.5 s.');
    expect(run.output()).toContain(`flurry: restarted the local warehouse (pid ${second}).`);

    run.child.kill('SIGINT');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(await answers(port)).toBe(false);
    expect(run.output().match(/flurry: stopped\./g)).toHaveLength(1);
    // The warehouse exiting on the shutdown's signal is not taken for a crash.
    expect(run.output().match(/restarting it in/g)).toHaveLength(1);
  }, 120_000); // two warehouse starts, on a machine shared with other test files

  it('does not start the local warehouse when a Snowflake account is configured', async () => {
    const port = await freePort();
    const run = launch(['--only=warehouse'], {
      FLURRY_WAREHOUSE_PORT: String(port),
      SNOWFLAKE_ACCOUNT: 'acme-prod',
      SNOWFLAKE_USER: 'jane',
      SNOWFLAKE_PASSWORD: 'secret',
    });
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Snowflake account "acme-prod" configured');
    expect(await answers(port)).toBe(false);
  });

  it('refuses an unknown --only value and a malformed setting, naming them', async () => {
    const wrongPart = launch(['--only=everything'], {});
    expect(await wrongPart.exited).toBe(2);
    expect(wrongPart.output()).toContain('--only must be "warehouse" or "dashboard", not "everything"');

    const wrongPort = launch(['--only=warehouse'], { FLURRY_WAREHOUSE_PORT: 'eighty' });
    expect(await wrongPort.exited).toBe(2);
    expect(wrongPort.output()).toContain('FLURRY_WAREHOUSE_PORT must be a whole number');

    // A Snowflake connection that cannot sign in stops the start, saying what it lacks.
    const noPassword = launch(['--only=warehouse'], { SNOWFLAKE_ACCOUNT: 'acme-prod', SNOWFLAKE_USER: 'jane' });
    expect(await noPassword.exited).toBe(2);
    expect(noPassword.output()).toContain('SNOWFLAKE_* environment variables: SNOWFLAKE sign-in needs a password.');
  });

  it('refuses to serve other machines without a token or a warehouse login, saying what to set', async () => {
    const openDashboard = launch(['--only=dashboard'], { HOST: '0.0.0.0' });
    expect(await openDashboard.exited).toBe(2);
    expect(openDashboard.output()).toContain('The dashboard would listen on 0.0.0.0 (HOST), which other machines can reach, and FLURRY_AUTH_TOKEN is not set.');
    expect(openDashboard.output()).not.toContain('build');

    const port = await freePort();
    const openWarehouse = launch(['--only=warehouse'], { FLURRY_WAREHOUSE_HOST: '0.0.0.0', FLURRY_WAREHOUSE_PORT: String(port) });
    expect(await openWarehouse.exited).toBe(2);
    expect(openWarehouse.output()).toContain('Set FLURRY_WAREHOUSE_USER and FLURRY_WAREHOUSE_PASSWORD');
    expect(await answers(port)).toBe(false);
  });
});
