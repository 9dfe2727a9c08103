import 'server-only';
/**
 * The only module that reads process.env. Everything else asks it.
 */
import path from 'node:path';
import { externalQueriesByDefault } from './external-queries';
import { authSettings, warehouseCredentials, type AuthSettings, type WarehouseCredentials } from './access-settings';
import { allowedHosts } from './allowed-hosts';
import { resolveSnowflakeConnection, type SnowflakeConnection } from './snowflake-connection';

export type { AuthSettings, WarehouseCredentials } from './access-settings';
export type { SnowflakeConnection } from './snowflake-connection';

export interface LocalWarehouseConfig {
  host: string;
  port: number;
  account: string;
  /** Folder for the warehouse's own DuckDB files. */
  dataDir: string;
  concurrency: number;
  resultRetentionSeconds: number;
  /** How long a synchronous query-request waits before answering 333333 (Snowflake: ~45 s). */
  syncWaitSeconds: number;
  /** libuv's thread pool size this process started with (DuckDB runs queries on it). */
  threadPoolSize: number;
  /** The user's container images (folders with an image.json); they win over the built-in ones in images/. */
  imagesDir: string;
  /**
   * FLURRY_WAREHOUSE_USER and FLURRY_WAREHOUSE_PASSWORD: the one login the warehouse accepts and
   * the dashboard uses (see access-settings.ts). Null: any login is accepted, as on loopback.
   */
  credentials: WarehouseCredentials | null;
}

export interface DashboardConfig {
  host: string;
  port: number;
  dataDir: string;
  /**
   * Whether the Jobs table also shows queries other clients ran (FLURRY_EXTERNAL_QUERIES). On by
   * default for the local warehouse, off for a Snowflake account, where it costs warehouse time
   * (./external-queries.ts).
   */
  externalQueries: boolean;
  /** FLURRY_AUTH_TOKEN and FLURRY_READ_ONLY_TOKEN (see access-settings.ts). */
  auth: AuthSettings;
  /** The names a request's Host may give: loopback, HOST, FLURRY_ALLOWED_HOSTS (see allowed-hosts.ts). */
  allowedHosts: string[];
  /** `next dev` (NODE_ENV=development): the pages' Content-Security-Policy must allow React's dev tooling. */
  development: boolean;
}

export interface FlurryConfig {
  dataDir: string;
  dashboard: DashboardConfig;
  localWarehouse: LocalWarehouseConfig;
  /** A configured Snowflake account, or null to use the local warehouse. */
  snowflake: SnowflakeConnection | null;
}

type Env = Record<string, string | undefined>;

function intFrom(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min}; got "${raw}".`);
  }
  return value;
}

function switchFrom(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on' || raw === 'off') return raw === 'on';
  throw new Error(`${name} must be "on" or "off"; got "${env[name]}".`);
}

export function loadConfig(env: Env = process.env): FlurryConfig {
  const dataDir = path.resolve(env.FLURRY_DATA_DIR || '.flurry');
  const host = env.HOST || '127.0.0.1';
  const warehouseHost = env.FLURRY_WAREHOUSE_HOST || '127.0.0.1';
  const snowflake = resolveSnowflakeConnection(env);
  return {
    dataDir,
    dashboard: {
      host,
      port: intFrom(env, 'PORT', 3000, 1),
      dataDir,
      externalQueries: switchFrom(env, 'FLURRY_EXTERNAL_QUERIES', externalQueriesByDefault(snowflake !== null)),
      auth: authSettings(env, host),
      allowedHosts: allowedHosts(env, host),
      development: env.NODE_ENV === 'development',
    },
    localWarehouse: {
      host: warehouseHost,
      port: intFrom(env, 'FLURRY_WAREHOUSE_PORT', 8765, 1),
      account: 'local',
      dataDir: path.join(dataDir, 'warehouse'),
      concurrency: intFrom(env, 'FLURRY_WAREHOUSE_CONCURRENCY', 8, 1),
      resultRetentionSeconds: intFrom(env, 'FLURRY_RESULT_RETENTION_SECONDS', 86_400, 1),
      syncWaitSeconds: intFrom(env, 'FLURRY_SYNC_WAIT_SECONDS', 45, 1),
      threadPoolSize: intFrom(env, 'UV_THREADPOOL_SIZE', 4, 1),
      imagesDir: path.resolve(env.FLURRY_IMAGES_DIR || path.join(dataDir, 'images')),
      credentials: warehouseCredentials(env, warehouseHost),
    },
    snowflake,
  };
}

let cached: FlurryConfig | null = null;

/** The process's configuration, read once. */
export function config(): FlurryConfig {
  cached ??= loadConfig();
  return cached;
}
