import { describe, expect, it } from 'vitest';
import { loadConfig } from './index';

/** An empty SNOWFLAKE_HOME keeps a developer's own connections.toml out of the test. */
const load = (env: Record<string, string>) => loadConfig({ SNOWFLAKE_HOME: '/nonexistent-flurry-home', ...env });
const TOKEN = 'a-long-enough-token-0123';
const WAREHOUSE_PASSWORD = 'warehouse-pw-0123456';

describe('FLURRY_AUTH_TOKEN and FLURRY_READ_ONLY_TOKEN', () => {
  it('are optional on loopback, where everyone on the machine has full access', () => {
    expect(load({}).dashboard.auth).toEqual({ token: null, readOnlyToken: null });
  });

  it('refuse a dashboard bound beyond loopback without a token, saying what to set', () => {
    for (const host of ['0.0.0.0', '192.168.1.20', '::']) {
      expect(() => load({ HOST: host })).toThrow(`The dashboard would listen on ${host} (HOST), which other machines can reach, and FLURRY_AUTH_TOKEN is not set.`);
    }
    expect(load({ HOST: '0.0.0.0', FLURRY_AUTH_TOKEN: TOKEN }).dashboard.auth).toEqual({ token: TOKEN, readOnlyToken: null });
  });

  it('take both tokens, and refuse short, padded, lone or equal ones', () => {
    expect(load({ FLURRY_AUTH_TOKEN: TOKEN, FLURRY_READ_ONLY_TOKEN: `${TOKEN}-ro` }).dashboard.auth).toEqual({ token: TOKEN, readOnlyToken: `${TOKEN}-ro` });
    expect(() => load({ FLURRY_AUTH_TOKEN: 'short' })).toThrow('FLURRY_AUTH_TOKEN must be at least 16 characters');
    expect(() => load({ FLURRY_AUTH_TOKEN: ` ${TOKEN}` })).toThrow('FLURRY_AUTH_TOKEN starts or ends with white space');
    expect(() => load({ FLURRY_READ_ONLY_TOKEN: TOKEN })).toThrow('FLURRY_READ_ONLY_TOKEN is set but FLURRY_AUTH_TOKEN is not');
    expect(() => load({ FLURRY_AUTH_TOKEN: TOKEN, FLURRY_READ_ONLY_TOKEN: TOKEN })).toThrow('FLURRY_READ_ONLY_TOKEN must differ from FLURRY_AUTH_TOKEN.');
  });
});

describe('FLURRY_WAREHOUSE_USER and FLURRY_WAREHOUSE_PASSWORD', () => {
  it('are optional on loopback and taken together', () => {
    expect(load({}).localWarehouse.credentials).toBeNull();
    expect(load({ FLURRY_WAREHOUSE_USER: 'svc', FLURRY_WAREHOUSE_PASSWORD: WAREHOUSE_PASSWORD }).localWarehouse.credentials).toEqual({ user: 'svc', password: WAREHOUSE_PASSWORD });
    expect(() => load({ FLURRY_WAREHOUSE_USER: 'svc' })).toThrow('FLURRY_WAREHOUSE_PASSWORD is not set;');
    expect(() => load({ FLURRY_WAREHOUSE_PASSWORD: WAREHOUSE_PASSWORD })).toThrow('FLURRY_WAREHOUSE_USER is not set;');
  });

  it('refuse a password shorter than 16 characters, naming the variable', () => {
    expect(() => load({ FLURRY_WAREHOUSE_USER: 'svc', FLURRY_WAREHOUSE_PASSWORD: 'p' })).toThrow('FLURRY_WAREHOUSE_PASSWORD must be at least 16 characters');
    expect(() => load({ FLURRY_WAREHOUSE_USER: 'svc', FLURRY_WAREHOUSE_PASSWORD: 'fifteen-chars-x' })).toThrow('FLURRY_WAREHOUSE_PASSWORD must be at least 16 characters');
  });

  it('are required for a warehouse bound beyond loopback', () => {
    expect(() => load({ FLURRY_WAREHOUSE_HOST: '0.0.0.0' })).toThrow(
      'The local warehouse would listen on 0.0.0.0 (FLURRY_WAREHOUSE_HOST), which other machines can reach, without a login. Set FLURRY_WAREHOUSE_USER and FLURRY_WAREHOUSE_PASSWORD',
    );
    const bound = load({ FLURRY_WAREHOUSE_HOST: '0.0.0.0', FLURRY_WAREHOUSE_USER: 'svc', FLURRY_WAREHOUSE_PASSWORD: WAREHOUSE_PASSWORD }).localWarehouse;
    expect(bound).toMatchObject({ host: '0.0.0.0', credentials: { user: 'svc', password: WAREHOUSE_PASSWORD } });
  });
});
