import { describe, expect, it } from 'vitest';
import { loadConfig } from './index';

/** An empty SNOWFLAKE_HOME keeps a developer's own connections.toml out of the test. */
const load = (value?: string) => loadConfig({ SNOWFLAKE_HOME: '/nonexistent-flurry-home', FLURRY_EXTERNAL_QUERIES: value });

describe('FLURRY_EXTERNAL_QUERIES', () => {
  it('is on unless switched off', () => {
    expect(load().dashboard.externalQueries).toBe(true);
    expect(load('').dashboard.externalQueries).toBe(true);
    expect(load('ON').dashboard.externalQueries).toBe(true);
    expect(load(' off ').dashboard.externalQueries).toBe(false);
  });

  it('names the variable and what it accepts when given anything else', () => {
    expect(() => load('no')).toThrow('FLURRY_EXTERNAL_QUERIES must be "on" or "off"; got "no".');
  });
});
