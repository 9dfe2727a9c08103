/**
 * How the job connects back to the warehouse that started it. Inside a container Snowflake
 * injects SNOWFLAKE_HOST, SNOWFLAKE_PORT, SNOWFLAKE_ACCOUNT, SNOWFLAKE_DATABASE and
 * SNOWFLAKE_SCHEMA and writes a short-lived OAuth token to a file, so the token is read at the
 * moment of connecting. Without a token file the job falls back to SNOWFLAKE_USER and
 * SNOWFLAKE_PASSWORD, as the async_job sample does. SNOWFLAKE_WAREHOUSE and SNOWFLAKE_ROLE are
 * the sample's custom variables, set in the spec's `env`.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ConnectionOptions } from '../../lib/warehouse/sdk';

export const DEFAULT_TOKEN_PATH = '/snowflake/session/token';

export type Env = Readonly<Record<string, string | undefined>>;

/** Missing or malformed connection settings in the environment. */
export class ConnectionSettingsError extends Error {}

function accessUrl(env: Env): string {
  const host = env.SNOWFLAKE_HOST?.trim();
  if (!host) throw new ConnectionSettingsError('SNOWFLAKE_HOST is not set; the job cannot find the warehouse.');
  const port = env.SNOWFLAKE_PORT?.trim() || '443';
  if (!/^\d{1,5}$/.test(port)) throw new ConnectionSettingsError(`SNOWFLAKE_PORT '${port}' is not a port number.`);
  return `${port === '443' ? 'https' : 'http'}://${host}:${port}`;
}

function credentials(env: Env): Pick<ConnectionOptions, 'authenticator' | 'token' | 'username' | 'password'> {
  const tokenPath = env.SNOWFLAKE_SESSION_TOKEN_PATH?.trim() || DEFAULT_TOKEN_PATH;
  if (existsSync(tokenPath)) {
    const token = readFileSync(tokenPath, 'utf8').trim();
    if (!token) throw new ConnectionSettingsError(`The session token file ${tokenPath} is empty.`);
    return { authenticator: 'OAUTH', token };
  }
  if (env.SNOWFLAKE_USER && env.SNOWFLAKE_PASSWORD !== undefined) {
    return { username: env.SNOWFLAKE_USER, password: env.SNOWFLAKE_PASSWORD };
  }
  throw new ConnectionSettingsError(
    `No session token at ${tokenPath} and no SNOWFLAKE_USER and SNOWFLAKE_PASSWORD to log in with instead.`,
  );
}

/** Connection options from the environment, reading the session token file now. */
export function connectionOptionsFromEnv(env: Env): ConnectionOptions {
  const optional = (name: string) => env[name]?.trim() || undefined;
  return {
    accessUrl: accessUrl(env),
    account: optional('SNOWFLAKE_ACCOUNT'),
    database: optional('SNOWFLAKE_DATABASE'),
    schema: optional('SNOWFLAKE_SCHEMA'),
    warehouse: optional('SNOWFLAKE_WAREHOUSE'),
    role: optional('SNOWFLAKE_ROLE'),
    ...credentials(env),
  };
}
