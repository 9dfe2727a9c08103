/**
 * Who may use the two processes once they are reachable from other machines, so that strangers
 * are kept out. Read from the environment by loadConfig:
 *
 * - FLURRY_AUTH_TOKEN: the access token the dashboard asks for on its sign-in page (and takes as
 *   `Authorization: Bearer <token>` on /api). When set it is always required; without it the
 *   dashboard starts only on a loopback address (HOST) and everyone on the machine is "local user".
 * - FLURRY_READ_ONLY_TOKEN: a second token that can watch everything but launch, cancel or change
 *   nothing. Needs FLURRY_AUTH_TOKEN.
 * - FLURRY_WAREHOUSE_USER / FLURRY_WAREHOUSE_PASSWORD: the only login the local warehouse accepts
 *   (job containers' OAuth logins aside), and the one the dashboard logs in with. Required when
 *   FLURRY_WAREHOUSE_HOST is not a loopback address; without them any login is accepted.
 */
import { isLoopbackHost } from '@/lib/domain/host-names';

type Env = Record<string, string | undefined>;

/** Long enough that guessing is hopeless even without the sign-in page's rate limit. */
const MIN_TOKEN_LENGTH = 16;

export interface AuthSettings {
  /** Null: no sign-in (the dashboard then binds to loopback only). */
  token: string | null;
  readOnlyToken: string | null;
}

export interface WarehouseCredentials {
  user: string;
  password: string;
}

function secret(env: Env, name: string): string | null {
  const value = env[name];
  return value === undefined || value === '' ? null : value;
}

function checkedToken(env: Env, name: string): string | null {
  const token = secret(env, name);
  if (token === null) return null;
  if (token.trim() !== token) throw new Error(`${name} starts or ends with white space; remove it (it would have to be typed exactly).`);
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new Error(`${name} must be at least ${MIN_TOKEN_LENGTH} characters; e.g. set it to the output of \`openssl rand -hex 24\`.`);
  }
  return token;
}

export function authSettings(env: Env, host: string): AuthSettings {
  const token = checkedToken(env, 'FLURRY_AUTH_TOKEN');
  const readOnlyToken = checkedToken(env, 'FLURRY_READ_ONLY_TOKEN');
  if (readOnlyToken !== null && token === null) {
    throw new Error('FLURRY_READ_ONLY_TOKEN is set but FLURRY_AUTH_TOKEN is not; set FLURRY_AUTH_TOKEN too (the token with full access).');
  }
  if (readOnlyToken !== null && readOnlyToken === token) {
    throw new Error('FLURRY_READ_ONLY_TOKEN must differ from FLURRY_AUTH_TOKEN.');
  }
  if (token === null) assertLoopbackWithoutToken(host, 'HOST');
  return { token, readOnlyToken };
}

/** The dashboard refuses a bind address other machines can reach unless it asks for a token. */
export function assertLoopbackWithoutToken(host: string, source: string): void {
  if (isLoopbackHost(host)) return;
  throw new Error(
    `The dashboard would listen on ${host} (${source}), which other machines can reach, and FLURRY_AUTH_TOKEN is not set. ` +
      'Set FLURRY_AUTH_TOKEN to a long random secret (e.g. `openssl rand -hex 24`) so that it asks for it, or listen on 127.0.0.1.',
  );
}

export function warehouseCredentials(env: Env, host: string): WarehouseCredentials | null {
  const user = secret(env, 'FLURRY_WAREHOUSE_USER');
  // As long as the access tokens: guessing it must be hopeless beyond the login's attempt limit.
  const password = checkedToken(env, 'FLURRY_WAREHOUSE_PASSWORD');
  if ((user === null) !== (password === null)) {
    const missing = user === null ? 'FLURRY_WAREHOUSE_USER' : 'FLURRY_WAREHOUSE_PASSWORD';
    throw new Error(`${missing} is not set; the local warehouse's login needs both FLURRY_WAREHOUSE_USER and FLURRY_WAREHOUSE_PASSWORD.`);
  }
  if (user !== null && password !== null) return { user, password };
  if (!isLoopbackHost(host)) {
    throw new Error(
      `The local warehouse would listen on ${host} (FLURRY_WAREHOUSE_HOST), which other machines can reach, without a login. ` +
        'Set FLURRY_WAREHOUSE_USER and FLURRY_WAREHOUSE_PASSWORD, or listen on 127.0.0.1.',
    );
  }
  return null;
}
