import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { execute } from '@/lib/warehouse/sdk';
import { ContainerLog, droppedLinesMarker, type LogFiles, readLogFile } from './container-log';

/** What `yes 'a chatty container line'` writes, the flood that once took the warehouse down. */
const LINE = 'a chatty container line';

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

  describe('with a disk slower than its container', () => {
    const stored = (text: string) => `2026-01-02T03:04:05.000Z stdout ${text}\n`;
    const marker = (count: number) => `2026-01-02T03:04:05.000Z stderr ${droppedLinesMarker(count)}\n`;

    /** Files whose appends wait until `open()`; what reached them is in `written`. */
    function slowFiles() {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      const written: string[] = [];
      const files: LogFiles = {
        append: async (_file, text) => {
          await opened;
          written.push(text);
        },
        rename: async () => {},
        size: async () => 0,
      };
      return { files, written, open };
    }

    const bufferLimitBytes = 10 * stored(LINE).length;
    const logWith = (files: LogFiles) =>
      new ContainerLog('c.log', 1024 * 1024, () => Date.UTC(2026, 0, 2, 3, 4, 5), { bufferLimitBytes, files });

    it('holds at most its buffer, drops the rest and says how many, and takes lines again once written', async () => {
      const disk = slowFiles();
      const log = logWith(disk.files);
      const accepted = Array.from({ length: 1000 }, () => log.append('stdout', LINE));
      // The first ten fill the buffer; the tenth already says to pause.
      expect(accepted.filter(Boolean)).toHaveLength(9);
      expect(accepted.indexOf(false)).toBe(9);
      const flushed = log.flush();
      expect(disk.written).toEqual([]);
      disk.open();
      await flushed;
      expect(log.append('stdout', 'after')).toBe(true);
      await log.flush();
      expect(disk.written.join('')).toBe(stored(LINE).repeat(10) + marker(990) + stored('after'));
    });

    it('writes the marker by itself once the disk catches up, when the container has gone quiet', async () => {
      const disk = slowFiles();
      const log = logWith(disk.files);
      const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
      for (let line = 0; line < 10; line++) log.append('stdout', LINE);
      // Its own flush hands the ten lines to the disk, which is still busy.
      await nextTurn();
      for (let line = 0; line < 15; line++) log.append('stdout', LINE);
      disk.open();
      // No flush is asked for: the end of the write that made room brings the marker.
      await nextTurn();
      await nextTurn();
      expect(disk.written.join('')).toBe(stored(LINE).repeat(10) + marker(15));
    });

    it('frees the buffer of a failed write, so a broken disk does not stop the log for good', async () => {
      let fail = true;
      const written: string[] = [];
      const files: LogFiles = {
        append: async (_file, text) => {
          if (fail) throw new Error('ENOSPC: no space left on device');
          written.push(text);
        },
        rename: async () => {},
        size: async () => 0,
      };
      const log = logWith(files);
      const errors: unknown[] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => errors.push(args.join(' '));
      try {
        for (let line = 0; line < 10; line++) log.append('stdout', LINE);
        await log.flush();
      } finally {
        console.error = consoleError;
      }
      expect(errors).toEqual(['Container log c.log: lines lost: ENOSPC: no space left on device']);
      fail = false;
      expect(log.append('stdout', 'after')).toBe(true);
      await log.flush();
      expect(written.join('')).toBe(stored('after'));
    });
  });
});

describe('a job service container flooding its log, through the warehouse', () => {
  // The warehouse runs in this process, so this process's memory is the warehouse's. Before the
  // buffer was bounded, a flood twice this size grew it by 2.5 GiB; bounded, by about 130 MiB.
  const state = useConnectedWarehouse({ jobGraceMs: 1000 });
  /** Whole lines only, so the flood's last line is not a cut one. */
  const FLOOD_BYTES = (LINE.length + 1) * 5 * 1024 * 1024;
  const MiB = 1024 * 1024;

  it('keeps the warehouse\'s memory bounded, and its log holds the lines and drop markers only', { timeout: 120_000 }, async () => {
    // `yes` writes as fast as the pipe takes it; `head -c` ends the flood after a fixed number of bytes.
    const imageDir = path.join(state.warehouse.dataDir, 'images', 'chatty');
    await mkdir(imageDir, { recursive: true });
    await writeFile(
      path.join(imageDir, 'image.json'),
      JSON.stringify({ entrypoint: ['sh', '-c', `yes '${LINE}' | head -c ${FLOOD_BYTES}`] }),
    );
    const run = async (sql: string) => (await execute(state.connection, sql)).rows as Record<string, unknown>[];
    await run('CREATE COMPUTE POOL FLOOD MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_XS');

    // Sampled while the statement waits for the job: the flood's size is fixed in bytes, not time.
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, 20);
    try {
      await run(
        'EXECUTE JOB SERVICE IN COMPUTE POOL FLOOD NAME = CHATTY FROM SPECIFICATION $$\n' +
          'spec:\n  containers:\n  - name: main\n    image: /db/schema/repo/chatty:latest\n$$',
      );
    } finally {
      clearInterval(sampler);
    }
    expect((peakRss - baseline.rss) / MiB).toBeLessThan(300);
    expect((peakHeap - baseline.heapUsed) / MiB).toBeLessThan(300);

    const [row] = await run("SELECT SYSTEM$GET_SERVICE_LOGS('CHATTY', '0', 'main', 1000) AS LOG");
    const lines = String(row.LOG).split('\n');
    expect(lines).toContain(LINE);
    const marker = /^\[flurry\] \d+ lines? dropped: the container wrote faster than its log could be stored$/;
    expect(lines.filter((line) => line !== LINE && !marker.test(line))).toEqual([]);
  });
});
