/** The soak's figures as tables (Markdown, as docs/performance.md keeps them) and a verdict. */
import { availableParallelism } from 'node:os';
import { percentile } from '../stats';
import type { Sample, SoakReport } from './run-soak';

/** "Memory flat": the end's RSS at most this much above the warm-up mark's (2 minutes in, or a quarter of a shorter run). */
const FLAT_WITHIN = 0.2;

export function warmSample(samples: readonly Sample[], minutes: number): Sample {
  const mark = Math.min(120_000, (minutes * 60_000) / 4);
  return samples.find((sample) => sample.atMs >= mark) ?? samples[samples.length - 1];
}

const mib = (value: number) => value.toFixed(0);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;
const lagText = (lags: readonly number[]) =>
  lags.length === 0 ? 'n/a' : `${percentile(lags, 50).toFixed(0)} / ${percentile(lags, 95).toFixed(0)} / ${Math.max(...lags).toFixed(0)} ms`;
const percent = (fraction: number) => `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(0)} %`;

export function printSoakReport(options: { minutes: number; queries: number; services: number; clients: number }, report: SoakReport): void {
  const print = console.log;
  print(
    `\nSoak: ${options.minutes} min, ${options.queries} queries, ${options.services} job services, ${options.clients} clients on /api/events — ` +
      `node ${process.version}, ${availableParallelism()} cores; ${report.loadAtStart} at the start, ${report.loadAtEnd} at the end\n`,
  );
  print('time | jobs launched | final heard (client 1) | dashboard RSS MiB | dashboard heap used / total MiB | dashboard sockets | dashboard CPU s | warehouse RSS MiB | warehouse heap used / total MiB | warehouse sockets | warehouse CPU s');
  print('---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---:');
  for (const s of report.samples) {
    print(
      [
        clock(s.atMs),
        s.launched,
        s.ended,
        mib(s.dashboard.rssMiB),
        `${mib(s.dashboard.heapUsedMiB)} / ${mib(s.dashboard.heapTotalMiB)}`,
        s.dashboard.tcpHandles,
        seconds(s.dashboard.cpuMs),
        mib(s.warehouse.rssMiB),
        `${mib(s.warehouse.heapUsedMiB)} / ${mib(s.warehouse.heapTotalMiB)}`,
        s.warehouse.tcpHandles,
        seconds(s.warehouse.cpuMs),
      ].join(' | '),
    );
  }

  print('\nLag from the warehouse ending a job to a client hearing its final phase, every client × job (p50 / p95 / max):');
  print(`all: ${lagText(report.lags)} over ${report.lags.length.toLocaleString('en-US')} client × job pairs`);
  print(`queries: ${lagText(report.lagsByKind.query)}; job services: ${lagText(report.lagsByKind.job_service)}`);
  print('minute the jobs ended | client × job pairs | p50 / p95 / max');
  print('---: | ---: | ---:');
  report.lagsByMinute.forEach((lags, minute) => print(`${minute} | ${lags?.length ?? 0} | ${lagText(lags ?? [])}`));

  print(
    `\nJobs: ${report.launched.jobs} launched (${report.launched.queries} queries, ${report.launched.services} job services); ` +
      `lost ${report.lost.length}, listed twice ${report.duplicated.length}, ran twice ${report.ranTwice.length}, unfinished ${report.unfinished.length}; ` +
      `ended as ${Object.entries(report.phases)
        .map(([status, count]) => `${count} ${status}`)
        .join(', ')}`,
  );
  print(
    `Clients: ${report.events.toLocaleString('en-US')} events heard by client 1 (at most ${report.maxEventsPerSecond} in a second); ` +
      `final phases missed ${report.missedFinals} (client × job); SSE reconnects ${report.reconnects}; ` +
      `${report.requests.toLocaleString('en-US')} requests; HTTP errors ${report.httpErrors.length}` +
      (report.httpErrors.length ? `, first: ${report.httpErrors.slice(0, 3).join(' | ')}` : ''),
  );
  print(`The bench's own event loop (the clients) was delayed up to ${report.benchLoopDelayP99Ms.toFixed(0)} ms (p99).`);
  print(`\nVerdict: ${verdict(options, report)}`);
}

export function verdict(options: { minutes: number }, report: SoakReport): string {
  const errors = report.httpErrors.length + report.lost.length + report.duplicated.length + report.ranTwice.length + report.unfinished.length + report.missedFinals;
  const warm = warmSample(report.samples, options.minutes);
  const end = report.samples[report.samples.length - 1];
  const growth = (process: 'dashboard' | 'warehouse') => end[process].rssMiB / warm[process].rssMiB - 1;
  // Memory given back is no leak: only growth counts against flat.
  const flat = growth('dashboard') <= FLAT_WITHIN && growth('warehouse') <= FLAT_WITHIN;
  const change = (process: 'dashboard' | 'warehouse') =>
    `${process} ${mib(end[process].rssMiB)} MiB (${percent(growth(process))} against ${mib(warm[process].rssMiB)} MiB at ${clock(warm.atMs)})`;
  return (
    `errors: ${errors === 0 ? 'none' : `${errors} (see above)`}; ` +
    `memory ${flat ? 'flat' : 'GROWING'}: end RSS ${change('dashboard')}, ${change('warehouse')}, growth allowed ${percent(FLAT_WITHIN)}; ` +
    `lag p95 ${report.lags.length ? `${percentile(report.lags, 95).toFixed(0)} ms` : 'n/a'}.`
  );
}
