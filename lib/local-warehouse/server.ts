/**
 * The local warehouse: a DuckDB engine behind Snowflake's REST protocol, served by node:http.
 * Importing this module loads DuckDB, so a process that must size libuv's thread pool first
 * (main.ts) imports it dynamically.
 */
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createEngine } from './engine/engine';
import type { Engine } from './engine/types';
import { requireAllowedHost } from './protocol/allowed-hosts';
import { SESSION_DEFAULTS, type ProtocolDeps } from './protocol/deps';
import { answerClientError, createRequestHandler, type ErrorLogger } from './protocol/handle-request';
import { createLoginThrottle } from './protocol/login-throttle';
import { queryRoutes } from './protocol/query-routes';
import { DEFAULT_BODY_LIMIT_BYTES } from './protocol/request-body';
import { resultChunkRoutes } from './protocol/result-chunks';
import { sessionRoutes } from './protocol/session-routes';
import { SessionStore, type ContainerTokenIssuer } from './protocol/sessions';
import { sampleReviewsStatements } from './samples/google-reviews';
import { createImageStore } from './services/image-store';
import { createJobRuntime } from './services/job-runtime';
import { containerIsolation } from './services/sandbox';
import { openServiceStatements } from './services/open-service-statements';
import { systemClock } from './tasks/clock';
import { openTaskStatements } from './tasks/open-task-statements';

export interface LocalWarehouseOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  concurrency: number;
  resultRetentionSeconds: number;
  syncWaitSeconds: number;
  account: string;
  /** Session token lifetime; Snowflake's is 3600 s. Shorter in tests of token renewal. */
  sessionValiditySeconds?: number;
  /** The user's container images; default `<dataDir>/images`. Built-in images come from images/. */
  imagesDir?: string;
  /** SIGTERM → SIGKILL delay for job containers; Snowflake's is 30 s. Shorter in tests. */
  jobGraceMs?: number;
  /** The bubblewrap program job containers are sandboxed with (services/sandbox.ts); default `bwrap` on PATH. */
  bwrap?: string;
  /**
   * The one user and password a login must give (FLURRY_WAREHOUSE_USER / _PASSWORD); job
   * containers' OAuth logins aside. Without it any login is accepted, as on loopback.
   */
  credentials?: { user: string; password: string } | null;
  logError?: ErrorLogger;
}

export interface LocalWarehouse {
  url: string;
  port: number;
  /** Mints the OAuth tokens a job's containers log in with. */
  issueContainerToken: ContainerTokenIssuer;
  close(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

const SAMPLE_DATABASE_FILE = path.join('databases', 'GOOGLE_REVIEWS.duckdb');

/**
 * Runs the statements that create the sample table, as the system's own session, then forgets
 * them: like Snowflake's shared sample data, the table is part of the account, and creating it
 * is no one's query (it would otherwise show in QUERY_HISTORY as work someone ran).
 */
async function seedSampleReviews(engine: Engine): Promise<void> {
  const session = {
    sessionId: 0,
    user: 'SYSTEM',
    role: 'ACCOUNTADMIN',
    database: SESSION_DEFAULTS.database,
    schema: SESSION_DEFAULTS.schema,
    warehouse: SESSION_DEFAULTS.warehouse,
    queryTag: '',
  };
  const queryIds: string[] = [];
  for (const sqlText of sampleReviewsStatements()) {
    const submitted = await engine.submit({ sqlText, requestId: null, session });
    queryIds.push(submitted.id);
    const ended = await engine.waitForEnd(submitted.id, 60_000);
    if (ended?.status !== 'SUCCESS') {
      throw new Error(`Creating the sample GOOGLE_REVIEWS table failed: ${ended?.error?.message ?? ended?.status ?? 'no record'}`);
    }
  }
  await engine.forget(queryIds);
}

export async function startLocalWarehouse(options: LocalWarehouseOptions): Promise<LocalWarehouse> {
  const sessions = new SessionStore({ validitySeconds: options.sessionValiditySeconds });
  // Containers connect back to the address the server listens on, known only once it does.
  let address: AddressInfo | null = null;
  const warehouseAddress = {
    get host() {
      const wildcard = !options.host || options.host === '0.0.0.0' || options.host === '::';
      return wildcard ? '127.0.0.1' : options.host;
    },
    get port() {
      if (!address) throw new Error('The local warehouse is not listening yet.');
      return address.port;
    },
    account: options.account,
  };
  const runtime = createJobRuntime({
    images: createImageStore({ userDir: options.imagesDir ?? path.join(options.dataDir, 'images') }),
    issueContainerToken: sessions.issueContainerToken,
    warehouse: warehouseAddress,
    graceMs: options.jobGraceMs,
    isolation: await containerIsolation({ host: options.host, dataDir: options.dataDir, bwrap: options.bwrap }),
  });
  const firstStart = !fs.existsSync(path.join(options.dataDir, SAMPLE_DATABASE_FILE));
  const engine = await createEngine({
    dataDir: options.dataDir,
    concurrency: options.concurrency,
    resultRetentionSeconds: options.resultRetentionSeconds,
    defaultDatabase: SESSION_DEFAULTS.database,
    defaultSchema: SESSION_DEFAULTS.schema,
    defaultWarehouse: SESSION_DEFAULTS.warehouse,
    serviceStatements: (database) =>
      openServiceStatements(database, { runtime, jobsDir: path.join(options.dataDir, 'jobs') }),
    taskStatements: openTaskStatements(systemClock),
  });
  const deps: ProtocolDeps = {
    engine,
    sessions,
    account: options.account,
    syncWaitMs: options.syncWaitSeconds * 1000,
    bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
    now: Date.now,
    credentials: options.credentials ?? null,
    loginThrottle: createLoginThrottle(Date.now),
  };
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  const routes = [...sessionRoutes(deps), ...queryRoutes(deps), ...resultChunkRoutes(deps)];
  const server = createServer(createRequestHandler(routes, logError, (request) => requireAllowedHost(request, options.host)));
  // Requests wait up to syncWaitSeconds for a query; Node's own request timeout must not cut in.
  server.requestTimeout = 0;
  server.on('clientError', answerClientError);

  try {
    if (firstStart) await seedSampleReviews(engine);
    address = await listen(server, options.host || '127.0.0.1', options.port);
  } catch (error) {
    await engine.close();
    throw error;
  }
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostInUrl}:${address.port}`;

  let closing: Promise<void> | null = null;
  return {
    url,
    port: address.port,
    issueContainerToken: deps.sessions.issueContainerToken,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        // Closing the engine cancels running queries, which releases requests waiting on them.
        await engine.close();
        server.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
