import 'server-only';
/**
 * Finds a Snowflake connection the way Snowflake's own tools do: `SNOWFLAKE_*` variables, or a
 * connection in `connections.toml` under SNOWFLAKE_HOME (default ~/.snowflake), picked by
 * SNOWFLAKE_DEFAULT_CONNECTION_NAME, then `default_connection_name`, then `default`.
 *
 * Three ways to sign in are supported, as the Snowflake CLI names them: a password (the
 * default), a key pair (`authenticator = "SNOWFLAKE_JWT"` with `private_key_file`, implied by
 * a key file alone) and a programmatic access token (`authenticator =
 * "PROGRAMMATIC_ACCESS_TOKEN"` with `token` or `token_file_path`). A connection that cannot
 * sign in is refused here, with what is missing and where it was read, not at the first query.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';

/** A server cannot open a browser or prompt for a code, so only these sign-ins apply. */
export type Authenticator = 'SNOWFLAKE' | 'SNOWFLAKE_JWT' | 'PROGRAMMATIC_ACCESS_TOKEN' | 'OAUTH';
const AUTHENTICATORS: readonly Authenticator[] = ['SNOWFLAKE', 'SNOWFLAKE_JWT', 'PROGRAMMATIC_ACCESS_TOKEN', 'OAUTH'];

export interface SnowflakeConnection {
  /** Where the connection came from, for the header and error messages. */
  source: string;
  account: string;
  user: string | null;
  password: string | null;
  authenticator: Authenticator;
  role: string | null;
  warehouse: string | null;
  database: string | null;
  schema: string | null;
  /** The account's host when not `<account>.snowflakecomputing.com` (e.g. a private link). */
  host: string | null;
  port: number | null;
  protocol: 'https' | 'http';
  token: string | null;
  privateKeyPath: string | null;
  privateKeyPassphrase: string | null;
}

type Env = Record<string, string | undefined>;

/** A connection's settings before they are checked, from either source, by CLI name. */
type Settings = Partial<Record<
  | 'account' | 'user' | 'password' | 'authenticator' | 'role' | 'warehouse' | 'database' | 'schema'
  | 'host' | 'port' | 'protocol' | 'token' | 'token_file_path' | 'private_key_file' | 'private_key_file_pwd',
  string
>>;

function fromEnv(env: Env): Settings | null {
  if (!env.SNOWFLAKE_ACCOUNT) return null;
  return {
    account: env.SNOWFLAKE_ACCOUNT,
    user: env.SNOWFLAKE_USER,
    password: env.SNOWFLAKE_PASSWORD,
    authenticator: env.SNOWFLAKE_AUTHENTICATOR,
    role: env.SNOWFLAKE_ROLE,
    warehouse: env.SNOWFLAKE_WAREHOUSE,
    database: env.SNOWFLAKE_DATABASE,
    schema: env.SNOWFLAKE_SCHEMA,
    host: env.SNOWFLAKE_HOST,
    port: env.SNOWFLAKE_PORT,
    protocol: env.SNOWFLAKE_PROTOCOL,
    token: env.SNOWFLAKE_TOKEN,
    token_file_path: env.SNOWFLAKE_TOKEN_FILE_PATH,
    private_key_file: env.SNOWFLAKE_PRIVATE_KEY_FILE ?? env.SNOWFLAKE_PRIVATE_KEY_PATH,
    private_key_file_pwd: env.SNOWFLAKE_PRIVATE_KEY_FILE_PWD ?? env.SNOWFLAKE_PRIVATE_KEY_PASSPHRASE,
  };
}

function fromToml(env: Env): { settings: Settings; source: string } | null {
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
  const settings: Settings = {};
  for (const [key, value] of Object.entries(values)) {
    // TOML gives numbers for ports; everything else Flurry reads is text.
    if (typeof value === 'string' || typeof value === 'number') settings[key === 'private_key_path' ? 'private_key_file' : (key as keyof Settings)] = String(value);
  }
  return { settings, source: `${file} [${name}]` };
}

function authenticatorOf(settings: Settings, where: string): Authenticator {
  const given = settings.authenticator?.trim().toUpperCase();
  if (!given) return settings.private_key_file ? 'SNOWFLAKE_JWT' : 'SNOWFLAKE';
  const known = AUTHENTICATORS.find((candidate) => candidate === given);
  if (!known) throw new Error(`${where}: authenticator "${settings.authenticator}" is not supported; use one of ${AUTHENTICATORS.join(', ')}.`);
  return known;
}

function readTokenFile(file: string, where: string): string {
  try {
    const token = fs.readFileSync(file, 'utf8').trim();
    if (token) return token;
  } catch (error) {
    throw new Error(`${where}: token_file_path ${file} cannot be read: ${(error as Error).message}`);
  }
  throw new Error(`${where}: token_file_path ${file} is empty.`);
}

/** The settings as a connection, or an error naming what is missing and where it was read. */
function checked(settings: Settings, source: string): SnowflakeConnection {
  const text = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value.trim());
  const account = text(settings.account);
  if (!account) throw new Error(`${source}: the connection has no account.`);
  const authenticator = authenticatorOf(settings, source);
  const user = text(settings.user);
  const password = settings.password ?? null;
  const tokenFile = text(settings.token_file_path);
  const token = text(settings.token) ?? (tokenFile ? readTokenFile(tokenFile, source) : null);
  const privateKeyPath = text(settings.private_key_file);
  const port = text(settings.port);
  if (port !== null && !/^\d{1,5}$/.test(port)) throw new Error(`${source}: port "${port}" is not a port number.`);
  const protocol = (text(settings.protocol) ?? 'https').toLowerCase();
  if (protocol !== 'https' && protocol !== 'http') throw new Error(`${source}: protocol "${settings.protocol}" must be https or http.`);

  const needs = (what: string, present: boolean) => {
    if (!present) throw new Error(`${source}: ${authenticator} sign-in needs ${what}.`);
  };
  if (authenticator === 'SNOWFLAKE') {
    needs('a user', user !== null);
    needs('a password', password !== null);
  } else if (authenticator === 'SNOWFLAKE_JWT') {
    needs('a user', user !== null);
    needs('a private_key_file', privateKeyPath !== null);
    if (!fs.existsSync(privateKeyPath as string)) throw new Error(`${source}: private_key_file ${privateKeyPath} does not exist.`);
  } else if (authenticator === 'PROGRAMMATIC_ACCESS_TOKEN') {
    // Snowflake also takes the token as the password.
    needs('a token (token or token_file_path) or the token as password', token !== null || password !== null);
  } else if (authenticator === 'OAUTH') {
    needs('a token (token or token_file_path)', token !== null);
  }
  return {
    source,
    account,
    user,
    password,
    authenticator,
    role: text(settings.role),
    warehouse: text(settings.warehouse),
    database: text(settings.database),
    schema: text(settings.schema),
    host: text(settings.host),
    port: port === null ? null : Number(port),
    protocol,
    token,
    privateKeyPath,
    privateKeyPassphrase: settings.private_key_file_pwd ?? null,
  };
}

export function resolveSnowflakeConnection(env: Env): SnowflakeConnection | null {
  const fromVariables = fromEnv(env);
  if (fromVariables) return checked(fromVariables, 'SNOWFLAKE_* environment variables');
  const fromFile = fromToml(env);
  return fromFile ? checked(fromFile.settings, fromFile.source) : null;
}
