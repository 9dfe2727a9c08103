import { describe, expect, it } from 'vitest';
import { EXTERNAL_QUERIES_COST, externalQueriesRun } from './external-queries';
import { loadConfig } from './index';

/** An empty SNOWFLAKE_HOME keeps a developer's own connections.toml out of the test. */
const NO_HOME = { SNOWFLAKE_HOME: '/nonexistent-flurry-home' };
const ACCOUNT = { SNOWFLAKE_ACCOUNT: 'myorg-analytics', SNOWFLAKE_USER: 'jane', SNOWFLAKE_PASSWORD: 'secret' };
const load = (value?: string, account: Record<string, string> = {}) =>
  loadConfig({ ...NO_HOME, ...account, FLURRY_EXTERNAL_QUERIES: value }).dashboard.externalQueries;

describe('FLURRY_EXTERNAL_QUERIES', () => {
  it('is on for the local warehouse unless switched off', () => {
    expect(load()).toBe(true);
    expect(load('')).toBe(true);
    expect(load('ON')).toBe(true);
    expect(load(' off ')).toBe(false);
  });

  it('is off for a Snowflake account unless switched on, and then runs only while a page is open', () => {
    expect(load(undefined, ACCOUNT)).toBe(false);
    expect(load('', ACCOUNT)).toBe(false);
    expect(load('on', ACCOUNT)).toBe(true);
    expect(externalQueriesRun(load('on', ACCOUNT), true)).toBe('while-a-page-is-open');
    expect(externalQueriesRun(load(), false)).toBe('always');
    expect(externalQueriesRun(load(undefined, ACCOUNT), true)).toBe('off');
  });

  it('says what it costs: reads every 10 s, each resuming the warehouse for at least 60 s of credits', () => {
    expect(EXTERNAL_QUERIES_COST).toContain('every 10 s while a page is open');
    expect(EXTERNAL_QUERIES_COST).toContain('at least 60 s of credits per resume');
  });

  it('names the variable and what it accepts when given anything else', () => {
    expect(() => load('no')).toThrow('FLURRY_EXTERNAL_QUERIES must be "on" or "off"; got "no".');
  });
});
