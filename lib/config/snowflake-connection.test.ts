import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveSnowflakeConnection } from './snowflake-connection';

let home: string;

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'flurry-connections-'));
});

afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

const toml = (text: string) => fs.writeFileSync(path.join(home, 'connections.toml'), text);

describe('resolveSnowflakeConnection', () => {
  it('uses no account when neither variables nor connections.toml name one', () => {
    expect(resolveSnowflakeConnection({ SNOWFLAKE_HOME: home })).toBeNull();
  });

  it('prefers SNOWFLAKE_* variables over connections.toml', () => {
    toml('[default]\naccount = "from-file"\nuser = "u"\npassword = "p"\n');
    const connection = resolveSnowflakeConnection({ SNOWFLAKE_HOME: home, SNOWFLAKE_ACCOUNT: 'from-env', SNOWFLAKE_USER: 'u', SNOWFLAKE_PASSWORD: 'p' });
    expect(connection).toMatchObject({ account: 'from-env', source: 'SNOWFLAKE_* environment variables', authenticator: 'SNOWFLAKE', protocol: 'https', port: null });
  });

  it('picks the connection named by the variable, then default_connection_name, then [default]', () => {
    toml('default_connection_name = "b"\n[default]\naccount = "d"\nuser = "u"\npassword = "p"\n[b]\naccount = "b"\nuser = "u"\npassword = "p"\n[c]\naccount = "c"\nuser = "u"\npassword = "p"\nport = 8443\n');
    expect(resolveSnowflakeConnection({ SNOWFLAKE_HOME: home })?.account).toBe('b');
    const named = resolveSnowflakeConnection({ SNOWFLAKE_HOME: home, SNOWFLAKE_DEFAULT_CONNECTION_NAME: 'c' });
    expect(named).toMatchObject({ account: 'c', port: 8443 });
    expect(named?.source).toBe(`${path.join(home, 'connections.toml')} [c]`);
    expect(() => resolveSnowflakeConnection({ SNOWFLAKE_HOME: home, SNOWFLAKE_DEFAULT_CONNECTION_NAME: 'nope' })).toThrow(
      `${path.join(home, 'connections.toml')} has no connection named "nope" (SNOWFLAKE_DEFAULT_CONNECTION_NAME).`,
    );
  });

  it('takes a key file alone as key-pair sign-in, and refuses a key file that is not there', () => {
    const key = path.join(home, 'key.p8');
    fs.writeFileSync(key, 'not checked here');
    toml(`[default]\naccount = "a"\nuser = "svc"\nprivate_key_file = "${key}"\nprivate_key_file_pwd = "secret"\n`);
    expect(resolveSnowflakeConnection({ SNOWFLAKE_HOME: home })).toMatchObject({ authenticator: 'SNOWFLAKE_JWT', privateKeyPath: key, privateKeyPassphrase: 'secret', password: null });
    fs.rmSync(key);
    expect(() => resolveSnowflakeConnection({ SNOWFLAKE_HOME: home })).toThrow(`private_key_file ${key} does not exist.`);
  });

  it('says what a sign-in lacks and where the connection was read', () => {
    const where = 'SNOWFLAKE_* environment variables';
    expect(() => resolveSnowflakeConnection({ SNOWFLAKE_ACCOUNT: 'a', SNOWFLAKE_USER: 'u' })).toThrow(`${where}: SNOWFLAKE sign-in needs a password.`);
    expect(() => resolveSnowflakeConnection({ SNOWFLAKE_ACCOUNT: 'a', SNOWFLAKE_AUTHENTICATOR: 'snowflake_jwt', SNOWFLAKE_USER: 'u' })).toThrow(
      `${where}: SNOWFLAKE_JWT sign-in needs a private_key_file.`,
    );
    expect(() => resolveSnowflakeConnection({ SNOWFLAKE_ACCOUNT: 'a', SNOWFLAKE_AUTHENTICATOR: 'PROGRAMMATIC_ACCESS_TOKEN' })).toThrow(
      `${where}: PROGRAMMATIC_ACCESS_TOKEN sign-in needs a token (token or token_file_path) or the token as password.`,
    );
    expect(() => resolveSnowflakeConnection({ SNOWFLAKE_ACCOUNT: 'a', SNOWFLAKE_AUTHENTICATOR: 'externalbrowser' })).toThrow(
      `${where}: authenticator "externalbrowser" is not supported; use one of SNOWFLAKE, SNOWFLAKE_JWT, PROGRAMMATIC_ACCESS_TOKEN, OAUTH.`,
    );
    expect(() => resolveSnowflakeConnection({ SNOWFLAKE_ACCOUNT: 'a', SNOWFLAKE_USER: 'u', SNOWFLAKE_PASSWORD: 'p', SNOWFLAKE_PORT: 'https' })).toThrow(
      `${where}: port "https" is not a port number.`,
    );
    toml('[default]\nuser = "u"\n');
    expect(() => resolveSnowflakeConnection({ SNOWFLAKE_HOME: home })).toThrow(`${path.join(home, 'connections.toml')} [default]: the connection has no account.`);
  });

  it('reads an access token from its file, trimmed', () => {
    const file = path.join(home, 'token');
    fs.writeFileSync(file, '  pat-123\n');
    expect(
      resolveSnowflakeConnection({ SNOWFLAKE_ACCOUNT: 'a', SNOWFLAKE_AUTHENTICATOR: 'PROGRAMMATIC_ACCESS_TOKEN', SNOWFLAKE_TOKEN_FILE_PATH: file })?.token,
    ).toBe('pat-123');
    fs.writeFileSync(file, '\n');
    expect(() => resolveSnowflakeConnection({ SNOWFLAKE_ACCOUNT: 'a', SNOWFLAKE_AUTHENTICATOR: 'PROGRAMMATIC_ACCESS_TOKEN', SNOWFLAKE_TOKEN_FILE_PATH: file })).toThrow(
      `token_file_path ${file} is empty.`,
    );
  });
});
