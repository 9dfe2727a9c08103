import 'server-only';
/**
 * Finds a Snowflake connection the way Snowflake's own tools do: `SNOWFLAKE_*` variables, or a
 * connection in `connections.toml` under SNOWFLAKE_HOME (default ~/.snowflake), picked by
 * SNOWFLAKE_DEFAULT_CONNECTION_NAME, then `default_connection_name`, then `default`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';

export interface SnowflakeConnection {
  /** Where the connection came from, for the header and error messages. */
  source: string;
  account: string;
  user: string | null;
  password: string | null;
  authenticator: string | null;
  role: string | null;
  warehouse: string | null;
  database: string | null;
  schema: string | null;
  host: string | null;
  token: string | null;
  privateKeyPath: string | null;
}

type Env = Record<string, string | undefined>;

const FIELDS = ['account', 'user', 'password', 'authenticator', 'role', 'warehouse', 'database', 'schema', 'host', 'token'] as const;

function fromEnv(env: Env): SnowflakeConnection | null {
  if (!env.SNOWFLAKE_ACCOUNT) return null;
  return {
    source: 'SNOWFLAKE_* environment variables',
    account: env.SNOWFLAKE_ACCOUNT,
    user: env.SNOWFLAKE_USER ?? null,
    password: env.SNOWFLAKE_PASSWORD ?? null,
    authenticator: env.SNOWFLAKE_AUTHENTICATOR ?? null,
    role: env.SNOWFLAKE_ROLE ?? null,
    warehouse: env.SNOWFLAKE_WAREHOUSE ?? null,
    database: env.SNOWFLAKE_DATABASE ?? null,
    schema: env.SNOWFLAKE_SCHEMA ?? null,
    host: env.SNOWFLAKE_HOST ?? null,
    token: env.SNOWFLAKE_TOKEN ?? null,
    privateKeyPath: env.SNOWFLAKE_PRIVATE_KEY_PATH ?? env.SNOWFLAKE_PRIVATE_KEY_FILE ?? null,
  };
}

function fromToml(env: Env): SnowflakeConnection | null {
  const home = env.SNOWFLAKE_HOME || path.join(os.homedir(), '.snowflake');
  const file = path.join(home, 'connections.toml');
  if (!fs.existsSync(file)) return null;
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file} is not valid TOML: ${(error as Error).message}`);
  }
  const name = env.SNOWFLAKE_DEFAULT_CONNECTION_NAME || (doc.default_connection_name as string | undefined) || 'default';
  const section = doc[name];
  if (!section || typeof section !== 'object') {
    if (env.SNOWFLAKE_DEFAULT_CONNECTION_NAME) {
      throw new Error(`${file} has no connection named "${name}" (SNOWFLAKE_DEFAULT_CONNECTION_NAME).`);
    }
    return null;
  }
  const values = section as Record<string, unknown>;
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : null);
  if (!text('account')) throw new Error(`Connection "${name}" in ${file} has no account.`);
  const picked = Object.fromEntries(FIELDS.map((key) => [key, text(key)])) as Record<(typeof FIELDS)[number], string | null>;
  return {
    source: `${file} [${name}]`,
    ...picked,
    account: picked.account as string,
    privateKeyPath: text('private_key_file') ?? text('private_key_path'),
  };
}

export function resolveSnowflakeConnection(env: Env): SnowflakeConnection | null {
  return fromEnv(env) ?? fromToml(env);
}
