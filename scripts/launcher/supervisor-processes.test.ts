/**
 * The supervisor with real child processes, real signals and real time: two stand-in servers
 * (stand-in-server.mjs) in place of the warehouse and the dashboard.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launcherClock, spawnProcess, waitUntilAnswering } from './processes';
import { Supervisor, type Service } from './supervisor';

const standIn = path.join(import.meta.dirname, 'stand-in-server.mjs');
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The pid the stand-in on `port` answers with, or null when nothing answers. */
async function pidOn(port: number): Promise<number | null> {
  try {
    return Number(await (await fetch(`http://127.0.0.1:${port}/`)).text());
  } catch {
    return null;
  }
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last read ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function standInService(name: string, failFile: string): Promise<{ service: Service; port: number }> {
  const port = await freePort();
  const service: Service = {
    name,
    launch: () =>
      spawnProcess(name, { command: process.execPath, args: [standIn], env: { ...process.env, PORT: String(port), FAIL_FILE: failFile }, cwd: import.meta.dirname }),
    whenUp: (child) => waitUntilAnswering(`http://127.0.0.1:${port}/`, 20_000, name, child),
  };
  return { service, port };
}

async function startBoth() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flurry-supervisor-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const failFile = path.join(dir, 'fail');
  const log: string[] = [];
  // Short back-off so that five failed starts take about a second.
  const policy = { firstDelayMs: 50, maxDelayMs: 200, maxCrashes: 5, windowMs: 60_000, stableAfterMs: 30_000 };
  const supervisor = new Supervisor({ clock: launcherClock, log: (line) => log.push(line), policy, graceMs: 5_000 });
  cleanups.push(() => supervisor.stop());
  const warehouse = await standInService('local warehouse', failFile);
  const dashboard = await standInService('dashboard', failFile);
  await supervisor.start(warehouse.service);
  await supervisor.start(dashboard.service);
  return { supervisor, warehouse, dashboard, failFile, log };
}

describe('Supervisor with real processes', () => {
  it('restarts a SIGKILLed child under a new pid while the other keeps running, either way round', async () => {
    const { supervisor, warehouse, dashboard } = await startBoth();
    for (const [victim, other] of [
      [dashboard, warehouse],
      [warehouse, dashboard],
    ]) {
      const victimPid = await pidOn(victim.port);
      const otherPid = await pidOn(other.port);
      expect(victimPid).toBe(supervisor.current(victim.service.name)?.pid);

      process.kill(victimPid!, 'SIGKILL');
      const newPid = await waitFor(() => pidOn(victim.port), (pid) => pid !== null && pid !== victimPid);
      expect(newPid).toBe(supervisor.current(victim.service.name)?.pid);
      expect(await pidOn(other.port)).toBe(otherPid);
    }
  });

  it('gives up on a child that fails on every restart: its exit code and stderr, the other stopped', async () => {
    const { supervisor, warehouse, dashboard, failFile, log } = await startBoth();
    const dashboardProcess = supervisor.current('dashboard')!;
    writeFileSync(failFile, '');
    process.kill(supervisor.current('local warehouse')!.pid!, 'SIGKILL');

    const giveUp = await supervisor.gaveUp;
    expect(giveUp).toMatchObject({ name: 'local warehouse', exit: { code: 3, signal: null }, crashes: 5 });
    expect(giveUp.stderr).toEqual([`stand-in: cannot start on port ${warehouse.port}: ${failFile} exists`]);
    expect(log).toContain('flurry: its last exit: code 3.');
    expect(await dashboardProcess.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await pidOn(dashboard.port)).toBe(null);
  });
});
