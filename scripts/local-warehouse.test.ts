/**
 * The process entry as the launcher runs it: it relaunches itself with a sized thread pool,
 * announces its address, serves, and stops cleanly on SIGTERM, taking its worker copy along.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { expect, it } from 'vitest';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

it('announces itself, serves the protocol, and exits 0 on SIGTERM', { timeout: 60_000 }, async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'flurry-main-'));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(import.meta.dirname, 'local-warehouse.ts')],
    {
      env: { ...process.env, FLURRY_DATA_DIR: dataDir, FLURRY_WAREHOUSE_PORT: String(port), FLURRY_WAREHOUSE_CONCURRENCY: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (text: string) => {
        output += text;
        if (output.includes('\n')) resolve(output.split('\n')[0]);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code} before announcing itself: ${output}`)));
    });
    expect(line).toBe(`Local warehouse listening on http://127.0.0.1:${port} (account local)`);

    const answer = await fetch(`http://127.0.0.1:${port}/session/v1/login-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { ACCOUNT_NAME: 'local', LOGIN_NAME: 'main', PASSWORD: 'x' } }),
    });
    expect(await answer.json()).toMatchObject({ success: true, data: { sessionInfo: { databaseName: 'FLURRY' } } });

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});
