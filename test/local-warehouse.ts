/**
 * Test fixture: a real local warehouse in this process, on a random port, in a fresh data
 * directory that `close()` removes. Tests talk to it with the real snowflake-sdk.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConnectionOptions } from 'snowflake-sdk';
import { afterAll, beforeAll } from 'vitest';
import { connect, destroy, type Connection } from '@/lib/warehouse/sdk';
import type { ContainerTokenIssuer } from '@/lib/local-warehouse/protocol/sessions';
import { startLocalWarehouse, type LocalWarehouseOptions } from '@/lib/local-warehouse/server';

export interface TestWarehouse {
  url: string;
  port: number;
  dataDir: string;
  /** Options for snowflake.createConnection / lib/warehouse/sdk.ts connect(). */
  connectionOptions(): ConnectionOptions;
  issueContainerToken: ContainerTokenIssuer;
  close(): Promise<void>;
}

export async function startTestWarehouse(options: Partial<LocalWarehouseOptions> = {}): Promise<TestWarehouse> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'flurry-warehouse-')));
  const warehouse = await startLocalWarehouse({
    host: '127.0.0.1',
    port: 0,
    concurrency: 4,
    resultRetentionSeconds: 86_400,
    syncWaitSeconds: 45,
    account: 'local',
    ...options,
    dataDir,
  });
  return {
    url: warehouse.url,
    port: warehouse.port,
    dataDir,
    connectionOptions: () => ({ accessUrl: warehouse.url, account: 'local', username: 'flurry_test', password: 'local' }),
    issueContainerToken: warehouse.issueContainerToken,
    async close() {
      await warehouse.close();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls the driver's monitoring call until the query reaches `wanted`. */
export async function waitForStatus(connection: Connection, queryId: string, wanted: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let status = '';
  while (Date.now() < deadline) {
    status = await connection.getQueryStatus(queryId);
    if (status === wanted) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`query ${queryId} stayed ${status}, never ${wanted}`);
}

/**
 * A warehouse and one logged-in connection for the suite it is called in: started before its
 * tests, closed after them. Read `.warehouse` and `.connection` inside the tests.
 */
export function useConnectedWarehouse(options: Partial<LocalWarehouseOptions> = {}): { warehouse: TestWarehouse; connection: Connection } {
  const state = {} as { warehouse: TestWarehouse; connection: Connection };
  beforeAll(async () => {
    state.warehouse = await startTestWarehouse(options);
    state.connection = await connect(state.warehouse.connectionOptions());
  });
  afterAll(async () => {
    await destroy(state.connection);
    await state.warehouse.close();
  });
  return state;
}

export interface RawSession {
  token: string;
  /** POSTs a query-request body and returns the parsed answer. */
  query(body: Record<string, unknown>): Promise<Record<string, any>>;
}

/** A session over plain HTTP, for what snowflake-sdk cannot send or does not show. */
export async function rawSession(warehouse: Pick<TestWarehouse, 'url'>): Promise<RawSession> {
  const post = async (path: string, body: unknown, token?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Snowflake Token="${token}"`;
    const response = await fetch(`${warehouse.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    return (await response.json()) as Record<string, any>;
  };
  const login = await post('/session/v1/login-request', { data: { ACCOUNT_NAME: 'local', LOGIN_NAME: 'raw', PASSWORD: 'x' } });
  const token = String(login.data.token);
  return { token, query: (body) => post('/queries/v1/query-request', body, token) };
}
