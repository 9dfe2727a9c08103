/**
 * Real child processes: exit codes, captured output, and the SIGTERM → SIGKILL stop, including
 * what the container leaves behind in its process group.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContainerProcess, type ContainerState } from './container-process';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'flurry-container-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function container(script: string, graceMs = 1000) {
  const changes: ContainerState['status'][] = [];
  const process_ = new ContainerProcess(
    { argv: [process.execPath, '-e', script], cwd: dir, env: { FLAVOUR: 'mint' }, logFile: path.join(dir, 'c.log'), graceMs },
    (state) => changes.push(state.status),
  );
  return { container: process_, changes };
}

/** Resolves with the first line the container printed that starts with `prefix`. */
async function untilLogged(target: ContainerProcess, prefix: string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const line = (await target.readLog()).find((candidate) => candidate.text.startsWith(prefix));
    if (line) return line.text;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the container never logged ${JSON.stringify(prefix)}`);
}

/** A killed process whose parent is gone may linger as a zombie until init reaps it; that is not alive. */
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('container process', () => {
  it('keeps the start of a line written without end and goes on with the next', async () => {
    // 32 MiB with no newline: a line reader waiting for it would hold all of it.
    const { container: c } = container(
      'const block = "x".repeat(1 << 20); for (let i = 0; i < 32; i++) process.stdout.write(block); console.log("\\nafter")',
    );
    c.start();
    expect((await c.exited).exitCode).toBe(0);
    const lines = (await c.readLog()).map((line) => line.text);
    expect(lines).toEqual([`${'x'.repeat(16_384)} …[line cut]`, 'after']);
  });

  it('runs to DONE on exit 0, with its output captured line by line from both streams', async () => {
    const { container: c, changes } = container(
      'console.log("one"); console.error("two"); process.stdout.write("three\\nno newline"); console.log(process.env.FLAVOUR)',
    );
    expect(c.state()).toMatchObject({ status: 'PENDING', startTime: null, exitCode: null, restartCount: 0 });
    c.start();
    const final = await c.exited;
    expect(final).toMatchObject({ status: 'DONE', message: 'Completed successfully', exitCode: 0, restartCount: 0 });
    expect(final.startTime).toBeGreaterThan(0);
    expect(changes).toEqual(['READY', 'DONE']);
    const lines = await c.readLog();
    expect(lines.filter((line) => line.stream === 'stdout').map((line) => line.text)).toEqual(['one', 'three', 'no newlinemint']);
    expect(lines.filter((line) => line.stream === 'stderr').map((line) => line.text)).toEqual(['two']);
    expect(lines.every((line) => line.timestamp >= final.startTime! - 1000)).toBe(true);
    expect(await c.readLog(2)).toEqual(lines.slice(-2));
  });

  it('ends FAILED with the exit code of a non-zero exit', async () => {
    const { container: c } = container('console.error("boom"); process.exit(3)');
    c.start();
    expect(await c.exited).toMatchObject({ status: 'FAILED', message: 'Failed: exit code 3', exitCode: 3 });
  });

  it('ends FAILED when the program cannot start', async () => {
    const c = new ContainerProcess({ argv: ['./no-such-program'], cwd: dir, env: {}, logFile: path.join(dir, 'x.log'), graceMs: 1000 });
    c.start();
    const final = await c.exited;
    expect(final).toMatchObject({ status: 'FAILED', exitCode: null });
    expect(final.message).toMatch(/^Could not start "\.\/no-such-program": spawn \.\/no-such-program ENOENT/);
  });

  it('stops with SIGTERM, which a well-behaved program sees and exits on', async () => {
    const { container: c, changes } = container(
      'process.on("SIGTERM", () => { console.log("got SIGTERM"); process.exit(143) }); console.log("up"); setInterval(() => {}, 1000)',
    );
    c.start();
    await untilLogged(c, 'up');
    const final = await c.stop();
    expect(final).toMatchObject({ status: 'FAILED', message: 'Stopped by cancel: exit code 143', exitCode: 143 });
    expect(changes).toEqual(['READY', 'TERMINATING', 'FAILED']);
    expect((await c.readLog()).map((line) => line.text)).toContain('got SIGTERM');
  });

  it('kills a program that ignores SIGTERM once the grace period has passed, and what it started', async () => {
    const { container: c } = container(
      `const { spawn } = require('node:child_process');
       const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
       process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
       console.log('grandchild ' + child.pid);
       setInterval(() => {}, 1000)`,
      500,
    );
    c.start();
    const grandchild = Number((await untilLogged(c, 'grandchild ')).split(' ')[1]);
    expect(alive(grandchild)).toBe(true);
    const stopping = Date.now();
    const final = await c.stop();
    expect(Date.now() - stopping).toBeGreaterThanOrEqual(450);
    expect(final).toMatchObject({ status: 'FAILED', exitCode: 137 });
    expect((await c.readLog()).map((line) => line.text)).toEqual(
      expect.arrayContaining(['ignoring SIGTERM', '[flurry] still running 500 ms after SIGTERM; sending SIGKILL']),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(grandchild)).toBe(false);
  });

  it('ends a container stopped before it started without running it', async () => {
    const { container: c, changes } = container('console.log("never")');
    expect(await c.stop()).toMatchObject({ status: 'FAILED', message: 'Stopped before it started', startTime: null });
    c.start();
    expect(changes).toEqual(['FAILED']);
    expect(await c.readLog()).toEqual([]);
  });
});

describe('the warehouse process exiting', () => {
  it('takes its running containers with it', async () => {
    const pidFile = path.join(dir, 'container.pid');
    const host = path.join(dir, 'host.ts');
    const modulePath = fileURLToPath(new URL('./container-process.ts', import.meta.url));
    const containerScript = `require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000)`;
    await writeFile(
      host,
      `import { existsSync } from 'node:fs';
       import { ContainerProcess } from ${JSON.stringify(modulePath)};
       const container = new ContainerProcess({ argv: [process.execPath, '-e', ${JSON.stringify(containerScript)}], cwd: ${JSON.stringify(dir)}, env: {}, logFile: ${JSON.stringify(path.join(dir, 'h.log'))}, graceMs: 30000 });
       container.start();
       const waiting = setInterval(() => { if (existsSync(${JSON.stringify(pidFile)})) { clearInterval(waiting); process.exit(0); } }, 20);`,
    );
    // From the repository root, where `--import tsx` resolves.
    const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
    await promisify(execFile)(process.execPath, ['--import', 'tsx', host], { cwd: repoRoot, timeout: 20_000 });
    const pid = Number(await import('node:fs/promises').then((fs) => fs.readFile(pidFile, 'utf8')));
    expect(pid).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(pid)).toBe(false);
  });
});
