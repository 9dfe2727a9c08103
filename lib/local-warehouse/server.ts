/**
 * The local warehouse: a DuckDB engine behind Snowflake's REST protocol, served by node:http.
 * Importing this module loads DuckDB, so a process that must size libuv's thread pool first
 * (main.ts) imports it dynamically.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEngine } from './engine/engine';
import { SESSION_DEFAULTS, type ProtocolDeps } from './protocol/deps';
import { createRequestHandler, type ErrorLogger } from './protocol/handle-request';
import { queryRoutes } from './protocol/query-routes';
import { DEFAULT_BODY_LIMIT_BYTES } from './protocol/request-body';
import { sessionRoutes } from './protocol/session-routes';
import { SessionStore, type ContainerTokenIssuer } from './protocol/sessions';

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

export async function startLocalWarehouse(options: LocalWarehouseOptions): Promise<LocalWarehouse> {
  const engine = await createEngine({
    dataDir: options.dataDir,
    concurrency: options.concurrency,
    resultRetentionSeconds: options.resultRetentionSeconds,
    defaultDatabase: SESSION_DEFAULTS.database,
    defaultSchema: SESSION_DEFAULTS.schema,
    defaultWarehouse: SESSION_DEFAULTS.warehouse,
  });
  const deps: ProtocolDeps = {
    engine,
    sessions: new SessionStore({ validitySeconds: options.sessionValiditySeconds }),
    account: options.account,
    syncWaitMs: options.syncWaitSeconds * 1000,
    bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
    now: Date.now,
  };
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  const server = createServer(createRequestHandler([...sessionRoutes(deps), ...queryRoutes(deps)], logError));
  // Requests wait up to syncWaitSeconds for a query; Node's own request timeout must not cut in.
  server.requestTimeout = 0;

  let address: AddressInfo;
  try {
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
