/**
 * CSV export of a 1,000,000-row result: a job runs `SELECT SEQ4(), UUID_STRING(), RANDOM() FROM
 * TABLE(GENERATOR(ROWCOUNT => 1000000))` on a local warehouse in its own process, and its CSV is
 * downloaded three times over HTTP through `csvExport()`, the function the route
 * `/api/jobs/[id]/csv` calls. The Response is written to the socket by Next.js's own
 * `pipeToNodeResponse`, behind Next's own `compression` middleware (as `next start` serves a
 * route), so each piece the export enqueues costs what it costs in the dashboard: one write, and
 * a gzip flush if it were compressed. Asked for as a browser asks (Accept-Encoding: gzip), it must
 * come back uncompressed (the export says no-transform); every line is counted. Prints, median of
 * 3 runs: rows per second; the CPU time of this process per download (the dashboard's side, plus
 * the little the bench's client does to count lines) and of the warehouse process, which a busy
 * machine changes less than wall time; the dashboard's peak RSS; and the machine's load.
 *
 * Run: npm run bench:csv
 */
import { once } from 'node:events';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Caller } from '@/lib/domain/access';
import { createExportSlots } from '@/lib/domain/export-slots';
import { isTerminal } from '@/lib/domain/status';
import { csvExport } from '@/lib/jobs/csv-export';
import { launchBatch } from '@/lib/jobs/launch';
import { startBenchDashboard } from './bench-dashboard';
import { loadText, ownCpuMs, processCpuMs } from './cpu';
import { startWarehouseProcess } from './local-warehouse-process';
import { sampleRss } from './rss-sampler';
import { median } from './stats';

const ROWS = 1_000_000;
const RUNS = 3;
const SQL = `SELECT SEQ4() AS N, UUID_STRING() AS U, RANDOM() AS R FROM TABLE(GENERATOR(ROWCOUNT => ${ROWS}))`;
const CALLER: Caller = { name: 'bench', access: 'full', address: null };

// Next's serving parts, as its router server and route responses use them (not public API).
const require = createRequire(import.meta.url);
const compression = require('next/dist/compiled/compression') as () => (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
const { pipeToNodeResponse } = require('next/dist/server/pipe-readable') as {
  pipeToNodeResponse(body: ReadableStream<Uint8Array>, res: http.ServerResponse): Promise<void>;
};

const warehouse = await startWarehouseProcess();
const dashboard = await startBenchDashboard(warehouse.port);
const slots = createExportSlots();
const compress = compression();

const server = http.createServer((request, response) => {
  compress(request, response, async () => {
    const jobId = new URL(request.url ?? '/', 'http://bench').pathname.slice(1);
    const abort = new AbortController();
    response.once('close', () => response.writableFinished || abort.abort());
    const answer = await csvExport(jobId, { caller: CALLER, options: {}, signal: abort.signal }, { ...dashboard, slots });
    response.statusCode = answer.status;
    answer.headers.forEach((value, name) => response.setHeader(name, value));
    await pipeToNodeResponse(answer.body as ReadableStream<Uint8Array>, response);
  });
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const { port } = server.address() as AddressInfo;

/** Downloads the job's CSV as a browser asks for it; resolves with its line count. */
function download(jobId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: `/${jobId}`, headers: { 'accept-encoding': 'gzip, deflate, br' } }, (response) => {
      const encoding = response.headers['content-encoding'];
      if (encoding !== undefined) reject(new Error(`the download came back ${encoding}-encoded; it should not be compressed`));
      let lines = 0;
      response.on('data', (chunk: Buffer) => {
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
      });
      response.on('end', () => resolve(lines));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

try {
  const { jobIds } = await launchBatch({ sql: SQL, mode: 'parallel', label: 'bench csv' }, dashboard);
  const started = performance.now();
  for (;;) {
    const [job] = await dashboard.registry.getJobs(jobIds);
    if (job.phase === 'succeeded') break;
    if (isTerminal(job.phase)) throw new Error(`the bench query ended ${job.phase}: ${job.errorMessage}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const queried = (performance.now() - started) / 1000;

  const seconds: number[] = [];
  const cpu: number[] = [];
  const warehouseCpu: number[] = [];
  let peak = 0;
  for (let run = 0; run < RUNS; run++) {
    const rss = sampleRss(process.pid, 100);
    const cpu0 = ownCpuMs();
    const warehouseCpu0 = processCpuMs(warehouse.pid);
    const t0 = performance.now();
    const lines = await download(jobIds[0]);
    seconds.push((performance.now() - t0) / 1000);
    cpu.push((ownCpuMs() - cpu0) / 1000);
    warehouseCpu.push((processCpuMs(warehouse.pid) - warehouseCpu0) / 1000);
    peak = Math.max(peak, (await rss.stop()).peakMiB);
    if (lines !== ROWS + 1) throw new Error(`downloaded ${lines} lines, expected ${ROWS + 1}`);
  }

  console.log(`CSV export — node ${process.version}; ${ROWS.toLocaleString('en')} rows of (NUMBER, VARCHAR(36), NUMBER) through csvExport(), ${loadText()}\n`);
  console.log('measure | value');
  console.log('------- | ----:');
  console.log(`query (run, and store the result) | ${queried.toFixed(1)} s`);
  console.log(`download, ${RUNS} runs | ${seconds.map((s) => `${s.toFixed(2)} s`).join(', ')}`);
  console.log(`rows per second, median | ${Math.round(ROWS / median(seconds)).toLocaleString('en')}`);
  console.log(`dashboard CPU per download, median | ${median(cpu).toFixed(2)} s`);
  console.log(`warehouse CPU per download, median | ${median(warehouseCpu).toFixed(2)} s`);
  console.log(`dashboard peak RSS while downloading | ${peak.toFixed(0)} MiB`);
} finally {
  server.close();
  await dashboard.close();
  await warehouse.stop();
}
