/**
 * Signing in to a Snowflake account, tested at the HTTP boundary: the dashboard's own pool,
 * configured as for an account, talks through a recording proxy to a real local warehouse. The
 * recording shows what a real account would receive (password, key-pair JWT, access token, the
 * account's host); the health answer shows what the header would.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/config';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';
import { startRecordingProxy, type RecordingProxy } from '@/test/recording-proxy';
import { createWarehouseCalls } from './calls';
import { checkHealth } from './health';
import { createWarehousePool } from './pool';

let warehouse: TestWarehouse;
let proxy: RecordingProxy;
let dir: string;

beforeAll(async () => {
  // The warehouse serves the account the tests sign in to, as the account's own host would.
  warehouse = await startTestWarehouse({ account: 'myorg-analytics' });
  proxy = await startRecordingProxy(warehouse.url);
  dir = await mkdtemp(path.join(tmpdir(), 'flurry-account-'));
});

afterAll(async () => {
  await proxy.close();
  await warehouse.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  proxy.requests.length = 0;
});

/** A configuration for account `myorg-analytics` whose host is the proxy. */
function accountConfig(variables: Record<string, string>) {
  return loadConfig({
    FLURRY_DATA_DIR: dir,
    SNOWFLAKE_HOME: dir,
    SNOWFLAKE_ACCOUNT: 'myorg-analytics',
    SNOWFLAKE_HOST: '127.0.0.1',
    SNOWFLAKE_PORT: String(proxy.port),
    SNOWFLAKE_PROTOCOL: 'http',
    SNOWFLAKE_ROLE: 'ANALYST',
    SNOWFLAKE_WAREHOUSE: 'BI_WH',
    ...variables,
  });
}

/** Signs in with the dashboard's pool and reads health twice, as the header does. */
async function signIn(variables: Record<string, string>) {
  const pool = createWarehousePool(accountConfig(variables), { max: 1 });
  try {
    const calls = createWarehouseCalls(pool);
    const first = await checkHealth(calls);
    const second = await checkHealth(calls);
    return { first, second };
  } finally {
    await pool.close();
  }
}

function decodeJwt(token: string) {
  const [header, payload, signature] = token.split('.');
  const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: json(header), payload: json(payload), signed: `${header}.${payload}`, signature: Buffer.from(signature, 'base64url') };
}

describe('a Snowflake account', () => {
  it('signs in with a password at the configured host, and health names the account, role and warehouse', async () => {
    const { first, second } = await signIn({ SNOWFLAKE_USER: 'jane', SNOWFLAKE_PASSWORD: 'correct horse' });
    const [login] = proxy.logins();
    expect(login).toMatchObject({ LOGIN_NAME: 'jane', PASSWORD: 'correct horse', ACCOUNT_NAME: 'myorg-analytics' });
    expect(login.AUTHENTICATOR).toBe('SNOWFLAKE');

    expect(first).toEqual({ warehouse: 'snowflake', ok: true, account: 'myorg-analytics', user: 'jane', role: 'ANALYST', warehouseName: 'BI_WH', error: null });
    expect(second).toEqual(first);
    // The role and warehouse are read from the session once, not on every health check.
    expect(proxy.statements().filter((sql) => sql.includes('CURRENT_ROLE()'))).toHaveLength(1);
    // Credentials stay on the server: nothing the header reads carries them.
    expect(JSON.stringify(first)).not.toContain('correct horse');
  });

  it('signs in with a key pair: an RS256 JWT naming the account, the user and the public key’s fingerprint', async () => {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'key secret' },
    });
    const keyFile = path.join(dir, 'rsa_key.p8');
    fs.writeFileSync(keyFile, privateKey);

    // No authenticator named: a key file means key-pair sign-in, as in Snowflake's CLI.
    const { first } = await signIn({ SNOWFLAKE_USER: 'etl_service', SNOWFLAKE_PRIVATE_KEY_FILE: keyFile, SNOWFLAKE_PRIVATE_KEY_FILE_PWD: 'key secret' });
    expect(first.ok).toBe(true);

    const [login] = proxy.logins();
    expect(login).toMatchObject({ AUTHENTICATOR: 'SNOWFLAKE_JWT', LOGIN_NAME: 'etl_service' });
    expect(login.PASSWORD).toBeUndefined();
    const jwt = decodeJwt(String(login.TOKEN));
    expect(jwt.header.alg).toBe('RS256');
    const fingerprint = `SHA256:${crypto.createHash('sha256').update(publicKey).digest('base64')}`;
    expect(jwt.payload).toMatchObject({ iss: `MYORG-ANALYTICS.ETL_SERVICE.${fingerprint}`, sub: 'MYORG-ANALYTICS.ETL_SERVICE' });
    const verifier = crypto.createPublicKey({ key: publicKey, format: 'der', type: 'spki' });
    expect(crypto.verify('RSA-SHA256', Buffer.from(jwt.signed), verifier, jwt.signature)).toBe(true);
  });

  it('signs in with a programmatic access token, read from a token file', async () => {
    const tokenFile = path.join(dir, 'pat.token');
    fs.writeFileSync(tokenFile, 'pat-7f3a9c\n');
    const { first } = await signIn({ SNOWFLAKE_USER: 'jane', SNOWFLAKE_AUTHENTICATOR: 'programmatic_access_token', SNOWFLAKE_TOKEN_FILE_PATH: tokenFile });
    expect(first.ok).toBe(true);
    const [login] = proxy.logins();
    expect(login).toMatchObject({ AUTHENTICATOR: 'PROGRAMMATIC_ACCESS_TOKEN', TOKEN: 'pat-7f3a9c' });
    expect(JSON.stringify(first)).not.toContain('pat-7f3a9c');
  });

  it('reads the connection from connections.toml, picked by SNOWFLAKE_DEFAULT_CONNECTION_NAME', async () => {
    const home = await mkdtemp(path.join(dir, 'home-'));
    fs.writeFileSync(
      path.join(home, 'connections.toml'),
      [
        'default_connection_name = "dev"',
        '[dev]',
        'account = "dev-account"',
        'user = "nobody"',
        'password = "wrong"',
        '[prod]',
        'account = "myorg-analytics"',
        'user = "reporter"',
        'password = "from toml"',
        'role = "REPORTING"',
        'warehouse = "REPORT_WH"',
        'host = "127.0.0.1"',
        `port = ${proxy.port}`,
        'protocol = "http"',
      ].join('\n'),
    );
    const pool = createWarehousePool(loadConfig({ FLURRY_DATA_DIR: dir, SNOWFLAKE_HOME: home, SNOWFLAKE_DEFAULT_CONNECTION_NAME: 'prod' }), { max: 1 });
    try {
      const health = await checkHealth(createWarehouseCalls(pool));
      expect(health).toMatchObject({ warehouse: 'snowflake', ok: true, account: 'myorg-analytics', role: 'REPORTING', warehouseName: 'REPORT_WH' });
      expect(proxy.logins()[0]).toMatchObject({ LOGIN_NAME: 'reporter', PASSWORD: 'from toml', ACCOUNT_NAME: 'myorg-analytics' });
    } finally {
      await pool.close();
    }
  });
});
