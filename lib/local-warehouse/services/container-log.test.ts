import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContainerLog, readLogFile } from './container-log';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'flurry-log-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('container log', () => {
  it('keeps timestamped lines with their stream, readable from the file alone', async () => {
    const file = path.join(dir, 'c.log');
    const log = new ContainerLog(file, 1024 * 1024, () => Date.UTC(2026, 0, 2, 3, 4, 5));
    log.append('stdout', 'hello world');
    log.append('stderr', 'warning: x  y\r');
    expect(await log.read()).toEqual([
      { timestamp: Date.UTC(2026, 0, 2, 3, 4, 5), stream: 'stdout', text: 'hello world' },
      { timestamp: Date.UTC(2026, 0, 2, 3, 4, 5), stream: 'stderr', text: 'warning: x  y' },
    ]);
    expect((await readLogFile(file, 1)).map((line) => line.text)).toEqual(['warning: x  y']);
    expect(await readLogFile(path.join(dir, 'missing.log'))).toEqual([]);
  });

  it('stays within its limit and keeps the newest lines', async () => {
    const file = path.join(dir, 'c.log');
    const log = new ContainerLog(file, 4096);
    for (let line = 1; line <= 500; line++) log.append('stdout', `line ${line}`);
    const lines = await log.read();
    const onDisk = (await stat(file)).size + (await stat(`${file}.1`)).size;
    expect(onDisk).toBeLessThanOrEqual(4096);
    expect(lines.at(-1)?.text).toBe('line 500');
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.map((line) => Number(line.text.split(' ')[1]))).toEqual(
      Array.from({ length: lines.length }, (_, index) => 500 - lines.length + 1 + index),
    );
  });

  it('cuts a single overlong line', async () => {
    const log = new ContainerLog(path.join(dir, 'c.log'));
    log.append('stdout', 'x'.repeat(20_000));
    const [line] = await log.read();
    expect(line.text).toBe(`${'x'.repeat(16_384)} …[line cut]`);
  });
});
