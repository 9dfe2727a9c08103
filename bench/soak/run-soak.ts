/**
 * The soak: Flurry's two processes as `npm start` runs them (e2e/support/processes.ts, on a
 * build `next build` made), async queries and job services launched through the dashboard's
 * server actions in waves over most of the run, and browser-like clients on /api/events
 * (./tab-client.ts). Measures, from the clients' side, how long after the warehouse ended a job
 * each client heard its final phase; samples both processes' memory, heap, sockets and CPU; and
 * at the end checks that every launch is listed once, ran once and ended.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from '../../lib/domain/job';
import { EMPTY_CONTAINER, specYaml } from '../../lib/domain/job-service-form';
import { isTerminal } from '../../lib/domain/status';
import { batchJobs } from '../../e2e/support/dashboard-api';
import { startDashboard, startWarehouse, type FlurryProcess } from '../../e2e/support/processes';
import { historyByJob, jobServiceEnds, LAUNCHED_TAG } from '../../e2e/support/warehouse-history';
import { loadText } from '../cpu';
import { reportFlags, sampleProcess, type ProcessSample } from './process-probe';
import { actionId, callAction } from './server-actions';
import { TabClient } from './tab-client';

export interface SoakOptions {
  minutes: number;
  queries: number;
  services: number;
  clients: number;
  dashboardPort: number;
  warehousePort: number;
  /** Both processes' data (the dashboard's registry, `warehouse/` for the warehouse). */
  dataDir: string;
  /** How long a query holds (SYSTEM$WAIT), at least and at most, in seconds. */
  querySeconds: readonly [number, number];
  /** How long a job service's container sleeps, at least and at most, in seconds. */
  serviceSeconds: readonly [number, number];
  /** Both processes are sampled this often (and at the start and the end). */
  sampleEveryMs: number;
  log: (line: string) => void;
}

export interface Sample {
  /** Since the first launch. */
  atMs: number;
  dashboard: ProcessSample;
  warehouse: ProcessSample;
  launched: number;
  /** Final phases the first client has heard so far. */
  ended: number;
}

export interface SoakReport {
  samples: Sample[];
  /** Every client's lag for every job: its final event heard minus the warehouse's end, ms. */
  lags: number[];
  /** The same by the minute the job ended in (since the first launch), and by kind of job. */
  lagsByMinute: number[][];
  lagsByKind: Record<Launch['kind'], number[]>;
  launched: { jobs: number; queries: number; services: number };
  /** Launched jobs the API does not list, lists more than once, or lists unfinished at the end. */
  lost: string[];
  duplicated: string[];
  unfinished: string[];
  /** Jobs whose statement the warehouse's history holds more than once. */
  ranTwice: string[];
  phases: Record<string, number>;
  /** Client × job pairs where the client never heard the job's final phase. */
  missedFinals: number;
  events: number;
  maxEventsPerSecond: number;
  reconnects: number;
  requests: number;
  httpErrors: string[];
  /** The bench process's own event-loop delay (p99, ms): it delays when a client hears an event. */
  benchLoopDelayP99Ms: number;
  loadAtStart: string;
  loadAtEnd: string;
}

const POOL = 'SOAK_POOL';
/** After the run, how long the last jobs may take to end and be heard. */
const SETTLE_MS = 180_000;

const between = ([low, high]: readonly [number, number]) => low + Math.random() * (high - low);

/** One statement of a wave: mostly holds of a few seconds, some CPU work, and a few that fail. */
function soakQuery(n: number, seconds: readonly [number, number]): string {
  const draw = Math.random();
  if (draw < 0.04) return `SELECT * FROM SOAK_MISSING_TABLE_${n}`;
  if (draw < 0.1) return `SELECT COUNT(*) AS soak_${n} FROM TABLE(GENERATOR(ROWCOUNT => ${1_000_000 + n * 1_000}))`;
  return `SELECT ${n} AS soak, SYSTEM$WAIT(${Math.round(between(seconds) * 1000)}, 'MILLISECONDS') AS waited`;
}

interface Launch {
  batchId: string;
  jobIds: string[];
  kind: 'query' | 'job_service';
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const { log } = options;
  const reports = path.join(options.dataDir, 'reports');
  mkdirSync(options.dataDir, { recursive: true });
  const loadAtStart = loadText();
  const processes: FlurryProcess[] = [];
  const clients: TabClient[] = [];
  const loop = monitorEventLoopDelay({ resolution: 20 });
  try {
    const warehouse = await startWarehouse({
      port: options.warehousePort,
      dataDir: options.dataDir,
      env: { NODE_OPTIONS: reportFlags(path.join(reports, 'warehouse')) },
    });
    processes.push(warehouse);
    const dashboard = await startDashboard({
      port: options.dashboardPort,
      warehousePort: options.warehousePort,
      dataDir: options.dataDir,
      env: { NODE_OPTIONS: reportFlags(path.join(reports, 'dashboard')) },
    });
    processes.push(dashboard);
    const base = dashboard.url;
    const sample = async (startedAt: number, launches: Launch[]): Promise<Sample> => ({
      atMs: Date.now() - startedAt,
      dashboard: await sampleProcess(dashboard.pid, path.join(reports, 'dashboard')),
      warehouse: await sampleProcess(warehouse.pid, path.join(reports, 'warehouse')),
      launched: launches.reduce((sum, launch) => sum + launch.jobIds.length, 0),
      ended: clients[0]?.stats.finalHeardAt.size ?? 0,
    });

    const launchBatchId = actionId('lib/actions/launch-batch.ts', 'launchBatch');
    const launchServiceId = actionId('lib/actions/launch-job-service.ts', 'launchJobService');
    const httpErrors: string[] = [];
    const launches: Launch[] = [];
    const launch = async (kind: Launch['kind'], id: string, input: Record<string, unknown>): Promise<void> => {
      try {
        const result = await callAction<{ batchId: string; jobIds: string[] }>(base, '/launch', id, [input]);
        if (result.ok) launches.push({ ...result.data, kind });
        else httpErrors.push(`${new Date().toISOString()} ${kind} launch refused: ${result.error}`);
      } catch (error) {
        httpErrors.push(`${new Date().toISOString()} ${kind} launch: ${(error as Error).message}`);
      }
    };

    await launch('query', launchBatchId, {
      sql: `CREATE COMPUTE POOL IF NOT EXISTS ${POOL} MIN_NODES = 1 MAX_NODES = 3 INSTANCE_FAMILY = CPU_X64_S`,
      mode: 'parallel',
      label: 'soak pool',
    });
    const poolBatch = launches.pop();
    if (!poolBatch) throw new Error(`could not create the compute pool: ${httpErrors.join('; ')}`);
    while (!(await batchJobs(base, poolBatch.batchId)).every((job) => job.phase === 'succeeded')) await sleep(200);

    const perSecond = new Map<number, number>();
    for (let i = 0; i < options.clients; i++) {
      const client = new TabClient(
        base,
        i === 0
          ? (_, at) => {
              const second = Math.floor(at / 1000);
              perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
            }
          : undefined,
      );
      clients.push(client);
      client.start();
    }
    await Promise.all(clients.map((client) => client.ready));
    loop.enable();

    // Launches in waves over the first three quarters of the run; the rest lets the last ones end.
    const durationMs = options.minutes * 60_000;
    const waves = Math.max(1, Math.min(50, options.queries));
    const waveEveryMs = (durationMs * 0.75) / waves;
    const startedAt = Date.now();
    const samples: Sample[] = [await sample(startedAt, launches)];
    log(`started: ${options.clients} clients connected; dashboard pid ${dashboard.pid}, warehouse pid ${warehouse.pid}; ${loadAtStart}`);
    let nextSampleAt = startedAt + options.sampleEveryMs;
    /** Waits until `deadline` (or `done`), sampling both processes when a sample is due. */
    const waitUntil = async (deadline: number, done: () => boolean = () => false) => {
      while (Date.now() < deadline && !done()) {
        if (Date.now() >= nextSampleAt) {
          samples.push(await sample(startedAt, launches));
          log(progress(samples.at(-1)!));
          nextSampleAt += options.sampleEveryMs;
        }
        await sleep(Math.max(0, Math.min(500, deadline - Date.now())));
      }
    };

    let queryNumber = 0;
    for (let wave = 0; wave < waves; wave++) {
      const share = (total: number) => Math.round(((wave + 1) * total) / waves) - Math.round((wave * total) / waves);
      const sql = Array.from({ length: share(options.queries) }, () => `${soakQuery(++queryNumber, options.querySeconds)};`).join('\n');
      const work = sql ? [launch('query', launchBatchId, { sql, mode: 'parallel', label: `soak wave ${wave + 1}` })] : [];
      for (let s = 1; s <= share(options.services); s++) {
        const seconds = Math.round(between(options.serviceSeconds));
        work.push(
          launch('job_service', launchServiceId, {
            computePool: POOL,
            name: `SOAK_JOB_${wave + 1}_${s}`,
            replicas: 1,
            async: true,
            spec: specYaml({ ...EMPTY_CONTAINER, image: 'flurry_test', args: `--lines\n20\n--sleep\n${seconds}` }),
            label: `soak service ${wave + 1}.${s}`,
          }),
        );
      }
      await Promise.all(work);
      await waitUntil(startedAt + (wave + 1) * waveEveryMs);
    }

    const launchedIds = launches.flatMap((l) => l.jobIds);
    const allHeard = () => clients.every((client) => launchedIds.every((id) => client.stats.finalHeardAt.has(id)));
    await waitUntil(startedAt + durationMs);
    await waitUntil(startedAt + durationMs + SETTLE_MS, allHeard);
    loop.disable();
    samples.push(await sample(startedAt, launches));
    log(`${progress(samples.at(-1)!)} (end)`);
    await Promise.all(clients.map((client) => client.stop()));

    // What the dashboard lists, batch by batch, and what the warehouse ran.
    const listed = new Map<string, Job[]>();
    for (const { batchId } of launches) {
      for (const job of await batchJobs(base, batchId)) {
        listed.set(job.id, [...(listed.get(job.id) ?? []), job]);
      }
    }
    const history = await historyByJob(options.warehousePort, LAUNCHED_TAG);
    const phases: Record<string, number> = {};
    for (const [job] of listed.values()) phases[`${job.kind} ${job.rawStatus}`] = (phases[`${job.kind} ${job.rawStatus}`] ?? 0) + 1;

    // When the warehouse ended each job, by its own records: END_TIME, or the job's COMPLETED_TIME.
    const services = [...listed.values()].flatMap(([job]) => (job.kind === 'job_service' && job.queryId ? [job] : []));
    const serviceEnds = await jobServiceEnds(options.warehousePort, services.map((job) => job.queryId!));
    const ended = new Map<string, number>();
    for (const [jobId, [ran]] of history) if (ran.endedAt !== null) ended.set(jobId, ran.endedAt);
    for (const job of services) {
      const completedAt = serviceEnds.get(job.queryId!);
      if (completedAt === undefined) ended.delete(job.id);
      else ended.set(job.id, completedAt);
    }
    const lags: number[] = [];
    const lagsByMinute: number[][] = [];
    const lagsByKind: SoakReport['lagsByKind'] = { query: [], job_service: [] };
    for (const [jobId, endedAt] of ended) {
      // The history can hold a tagged query no batch lists (the lost ones are reported below).
      const kind = listed.get(jobId)?.[0].kind;
      if (kind === undefined) continue;
      const minute = Math.max(0, Math.floor((endedAt - startedAt) / 60_000));
      for (const client of clients) {
        const heardAt = client.stats.finalHeardAt.get(jobId);
        if (heardAt === undefined) continue;
        lags.push(heardAt - endedAt);
        (lagsByMinute[minute] ??= []).push(heardAt - endedAt);
        lagsByKind[kind].push(heardAt - endedAt);
      }
    }

    return {
      samples,
      lags,
      lagsByMinute,
      lagsByKind,
      launched: {
        jobs: launchedIds.length,
        queries: launches.filter((l) => l.kind === 'query').reduce((sum, l) => sum + l.jobIds.length, 0),
        services: launches.filter((l) => l.kind === 'job_service').length,
      },
      lost: launchedIds.filter((id) => !listed.has(id)),
      duplicated: [...listed].filter(([, jobs]) => jobs.length > 1).map(([id]) => id),
      unfinished: [...listed].filter(([, [job]]) => !isTerminal(job.phase)).map(([id]) => id),
      ranTwice: [...history].filter(([, queryIds]) => queryIds.length > 1).map(([id]) => id),
      phases,
      missedFinals: clients.reduce((sum, client) => sum + launchedIds.filter((id) => !client.stats.finalHeardAt.has(id)).length, 0),
      events: clients[0].stats.events,
      maxEventsPerSecond: Math.max(0, ...perSecond.values()),
      reconnects: clients.reduce((sum, client) => sum + client.stats.reconnects, 0),
      requests: clients.reduce((sum, client) => sum + client.stats.requests, 0),
      httpErrors: [...httpErrors, ...clients.flatMap((client) => client.stats.errors)],
      benchLoopDelayP99Ms: loop.percentile(99) / 1e6,
      loadAtStart,
      loadAtEnd: loadText(),
    };
  } finally {
    loop.disable();
    await Promise.all(clients.map((client) => client.stop()));
    for (const process of processes.reverse()) await process.kill('SIGTERM');
  }
}

function progress(sample: Sample): string {
  const mib = (value: number) => `${value.toFixed(0)} MiB`;
  return (
    `${(sample.atMs / 1000).toFixed(0)} s: launched ${sample.launched}, ended ${sample.ended}; ` +
    `dashboard RSS ${mib(sample.dashboard.rssMiB)} heap ${mib(sample.dashboard.heapUsedMiB)}, ` +
    `warehouse RSS ${mib(sample.warehouse.rssMiB)} heap ${mib(sample.warehouse.heapUsedMiB)}`
  );
}
