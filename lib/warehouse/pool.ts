import 'server-only';
/**
 * One snowflake-sdk connection pool per server process, pointed at the configured Snowflake
 * account or, with none, at the local warehouse. Nothing else in the dashboard knows which.
 *
 * A session can die under a pooled connection (it expired, or the local warehouse restarted).
 * Such a connection is replaced, never reused: a connection idle for a while is checked with
 * `isValidAsync` (a heartbeat, no warehouse time) when it is borrowed, and one whose call failed
 * with a session error is destroyed and the call retried once on a fresh connection. Checking
 * only idle connections, rather than on every borrow, spares a round trip per status poll.
 */
import './quiet-aws-warning';
import snowflake from 'snowflake-sdk';
import type { FlurryConfig } from '@/lib/config';
import { configureDriver, type Connection, type ConnectionOptions } from './sdk';
import { isSessionError, toWarehouseFailure } from './driver-errors';
import { WarehouseUnavailableError } from './errors';
import { processSingleton } from '@/lib/runtime/process-singleton';

/** A connection unused for this long is checked before it is handed out again. */
const VALIDATE_AFTER_IDLE_MS = 30_000;
const ACQUIRE_TIMEOUT_MS = 15_000;

/** Who the dashboard talks to, for the health badge (never the credentials). */
export interface WarehouseTarget {
  warehouse: 'local' | 'snowflake';
  account: string;
  user: string | null;
  role: string | null;
  warehouseName: string | null;
}

export interface WarehousePool {
  readonly target: WarehouseTarget;
  /**
   * Lends a live connection to `work`. Calls made through it may run concurrently: a
   * snowflake-sdk connection is a session, not a socket.
   */
  withConnection<T>(work: (connection: Connection) => Promise<T>): Promise<T>;
  /** Closes every connection without ending the sessions' async queries. */
  close(): Promise<void>;
}

export interface PoolSettings {
  /** Connections at most (default 8). */
  max?: number;
}

function presence<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}

/** snowflake-sdk options for the configured warehouse. */
export function connectionOptions(cfg: FlurryConfig): { options: ConnectionOptions; target: WarehouseTarget } {
  const common = {
    // Without it, destroying a pooled connection would end its session and abort its async queries.
    serverSessionKeepAlive: true,
    // A SQL NULL stays null when cells are fetched as text, not the string 'NULL'.
    representNullAsStringNull: false,
    application: 'Flurry',
  };
  const sf = cfg.snowflake;
  if (!sf) {
    const local = cfg.localWarehouse;
    // Without a configured login the local warehouse accepts any; "flurry" names the dashboard's sessions.
    const { user, password } = local.credentials ?? { user: 'flurry', password: 'flurry' };
    return {
      options: { ...common, accessUrl: `http://${local.host}:${local.port}`, account: local.account, username: user, password },
      target: { warehouse: 'local', account: local.account, user, role: null, warehouseName: null },
    };
  }
  const port = sf.port === null ? '' : `:${sf.port}`;
  return {
    options: {
      ...common,
      account: sf.account,
      // Without a host the driver builds <account>.snowflakecomputing.com itself.
      accessUrl: sf.host ? `${sf.protocol}://${sf.host}${port}` : undefined,
      username: presence(sf.user),
      password: presence(sf.password),
      // The driver's name for the default sign-in is SNOWFLAKE; it is what it assumes without one.
      authenticator: sf.authenticator === 'SNOWFLAKE' ? undefined : sf.authenticator,
      role: presence(sf.role),
      warehouse: presence(sf.warehouse),
      database: presence(sf.database),
      schema: presence(sf.schema),
      token: presence(sf.token),
      privateKeyPath: presence(sf.privateKeyPath),
      privateKeyPass: presence(sf.privateKeyPassphrase),
    },
    target: { warehouse: 'snowflake', account: sf.account, user: sf.user, role: sf.role, warehouseName: sf.warehouse },
  };
}

export function createWarehousePool(cfg: FlurryConfig, settings: PoolSettings = {}): WarehousePool {
  configureDriver();
  const { options, target } = connectionOptions(cfg);
  const pool = snowflake.createPool(options, {
    max: settings.max ?? 8,
    min: 0,
    acquireTimeoutMillis: ACQUIRE_TIMEOUT_MS,
  });
  const lastUsed = new WeakMap<Connection, number>();

  async function acquire(): Promise<Connection> {
    for (;;) {
      let connection: Connection;
      try {
        connection = await pool.acquire();
      } catch (error) {
        throw new WarehouseUnavailableError(`Could not connect to the ${target.warehouse} warehouse: ${(error as Error).message}`, {
          cause: error,
        });
      }
      const idleSince = lastUsed.get(connection);
      const stale = idleSince !== undefined && Date.now() - idleSince > VALIDATE_AFTER_IDLE_MS;
      if (connection.isUp() && (!stale || (await connection.isValidAsync()))) return connection;
      await pool.destroy(connection);
    }
  }

  async function attempt<T>(work: (connection: Connection) => Promise<T>): Promise<{ value: T } | { error: unknown; session: boolean }> {
    const connection = await acquire();
    try {
      const value = await work(connection);
      lastUsed.set(connection, Date.now());
      await pool.release(connection);
      return { value };
    } catch (error) {
      const session = isSessionError(error) || !connection.isUp();
      if (session) await pool.destroy(connection);
      else {
        lastUsed.set(connection, Date.now());
        await pool.release(connection);
      }
      return { error, session };
    }
  }

  return {
    target,
    async withConnection(work) {
      let outcome = await attempt(work);
      // Every call Flurry makes is safe to repeat (submissions carry a requestId), so a call
      // that met a dead session is retried once on a new one.
      if ('error' in outcome && outcome.session) outcome = await attempt(work);
      if ('error' in outcome) throw toWarehouseFailure(outcome.error);
      return outcome.value;
    },
    async close() {
      await pool.drain();
      await pool.clear();
    },
  };
}

/** The server's pool, one per process so dev reloads and Next's separate bundles share it. */
export function sharedWarehousePool(cfg: FlurryConfig): WarehousePool {
  return processSingleton('warehousePool', () => createWarehousePool(cfg));
}
