import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionSettingsError, connectionOptionsFromEnv } from './connection-options';

let dir: string;
let tokenPath: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'text-analysis-token-'));
  tokenPath = path.join(dir, 'token');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const injected = () => ({
  SNOWFLAKE_HOST: '127.0.0.1',
  SNOWFLAKE_PORT: '8093',
  SNOWFLAKE_ACCOUNT: 'local',
  SNOWFLAKE_DATABASE: 'FLURRY',
  SNOWFLAKE_SCHEMA: 'PUBLIC',
  SNOWFLAKE_SESSION_TOKEN_PATH: tokenPath,
});

describe('connectionOptionsFromEnv', () => {
  it('logs in with the OAuth token from the token file, reading it afresh each time', async () => {
    await writeFile(tokenPath, 'first-token\n');
    expect(connectionOptionsFromEnv(injected())).toEqual({
      accessUrl: 'http://127.0.0.1:8093',
      account: 'local',
      database: 'FLURRY',
      schema: 'PUBLIC',
      warehouse: undefined,
      role: undefined,
      authenticator: 'OAUTH',
      token: 'first-token',
    });
    await writeFile(tokenPath, 'second-token');
    expect(connectionOptionsFromEnv(injected()).token).toBe('second-token');
  });

  it('uses https on port 443, as inside Snowflake, and passes the custom warehouse and role on', async () => {
    await writeFile(tokenPath, 't');
    const options = connectionOptionsFromEnv({
      ...injected(),
      SNOWFLAKE_HOST: 'snowflake.example',
      SNOWFLAKE_PORT: '443',
      SNOWFLAKE_WAREHOUSE: 'XSMALL',
      SNOWFLAKE_ROLE: 'ANALYST',
    });
    expect(options).toMatchObject({ accessUrl: 'https://snowflake.example:443', warehouse: 'XSMALL', role: 'ANALYST' });
  });

  it('falls back to SNOWFLAKE_USER and SNOWFLAKE_PASSWORD when there is no token file', () => {
    const env = { ...injected(), SNOWFLAKE_SESSION_TOKEN_PATH: path.join(dir, 'absent'), SNOWFLAKE_USER: 'me', SNOWFLAKE_PASSWORD: 'pw' };
    const options = connectionOptionsFromEnv(env);
    expect(options).toMatchObject({ username: 'me', password: 'pw' });
    expect(options.authenticator).toBeUndefined();
  });

  it('says what is missing instead of connecting blindly', async () => {
    const absent = { ...injected(), SNOWFLAKE_SESSION_TOKEN_PATH: path.join(dir, 'absent') };
    expect(() => connectionOptionsFromEnv(absent)).toThrow(
      new ConnectionSettingsError(
        `No session token at ${path.join(dir, 'absent')} and no SNOWFLAKE_USER and SNOWFLAKE_PASSWORD to log in with instead.`,
      ),
    );
    expect(() => connectionOptionsFromEnv({ ...injected(), SNOWFLAKE_HOST: '' })).toThrow('SNOWFLAKE_HOST is not set');
    expect(() => connectionOptionsFromEnv({ ...injected(), SNOWFLAKE_PORT: 'http' })).toThrow("SNOWFLAKE_PORT 'http' is not a port number.");
    await writeFile(tokenPath, '  \n');
    expect(() => connectionOptionsFromEnv(injected())).toThrow(`The session token file ${tokenPath} is empty.`);
  });
});
