import { describe, expect, it } from 'vitest';
import { sessionStatement } from './session-statements';

describe('sessionStatement', () => {
  it('reads SET of one variable and of several, as one query of their values', () => {
    expect(sessionStatement('set v1 = 10;')).toEqual({ kind: 'setVariables', names: ['V1'], select: 'SELECT 10' });
    expect(sessionStatement('SET "Mixed" = (SELECT COUNT(*)/2 FROM t)')).toEqual({
      kind: 'setVariables', names: ['MIXED'], select: 'SELECT (SELECT COUNT(*)/2 FROM t)',
    });
    expect(sessionStatement("SET (min, max) = (50, 2 * $min)")).toEqual({ kind: 'setVariables', names: ['MIN', 'MAX'], select: 'SELECT 50, 2 * $min' });
    expect(sessionStatement('SET (a, b, c) = (SELECT 10, 20, 30)')).toEqual({ kind: 'setVariables', names: ['A', 'B', 'C'], select: 'SELECT 10, 20, 30' });
    expect(sessionStatement('SET (a, b) = ((SELECT 1), (SELECT 2))')).toEqual({ kind: 'setVariables', names: ['A', 'B'], select: 'SELECT (SELECT 1), (SELECT 2)' });
  });

  it('refuses malformed SET with a syntax error, reserved names, and schema variables', () => {
    expect(() => sessionStatement('SET x')).toThrow("syntax error line 1 at position 5 unexpected '<EOF>'.");
    expect(() => sessionStatement('SET x =')).toThrow("unexpected '<EOF>'");
    expect(() => sessionStatement('SET (a, b) = 1, 2')).toThrow("unexpected '1'");
    expect(() => sessionStatement('SET (a, b) = (1, 2) x')).toThrow("unexpected 'x'");
    expect(() => sessionStatement('SET current = 1')).toThrow("unexpected 'current'");
    expect(() => sessionStatement('SET db.s.v = 1')).toThrow("Unsupported feature 'schema variables'");
    expect(() => sessionStatement(`SET ${'v'.repeat(257)} = 1`)).toThrow('longer than 256 characters');
  });

  it('reads UNSET and SHOW VARIABLES', () => {
    expect(sessionStatement('unset v1')).toEqual({ kind: 'unsetVariables', names: ['V1'] });
    expect(sessionStatement('UNSET (v2, "v3");')).toEqual({ kind: 'unsetVariables', names: ['V2', 'V3'] });
    expect(() => sessionStatement('UNSET v1 v2')).toThrow("unexpected 'v2'");
    expect(sessionStatement("show variables like 'v%'")).toEqual({ kind: 'showVariables', like: 'v%' });
  });

  it('reads ALTER SESSION SET with values of every kind, separated by spaces or commas, and UNSET with commas', () => {
    expect(sessionStatement("alter session set timezone = 'UTC' week_start = 0, autocommit = true lock_timeout = -1 query_tag = abc")).toEqual({
      kind: 'alterSession',
      set: [
        { name: 'TIMEZONE', value: { value: 'UTC', written: 'UTC' } },
        { name: 'WEEK_START', value: { value: 0, written: '0' } },
        { name: 'AUTOCOMMIT', value: { value: true, written: 'TRUE' } },
        { name: 'LOCK_TIMEOUT', value: { value: -1, written: '-1' } },
        { name: 'QUERY_TAG', value: { value: 'ABC', written: 'ABC' } },
      ],
      unset: [],
    });
    expect(sessionStatement('ALTER SESSION SET QUERY_TAG = $$a;b$$;')).toMatchObject({ set: [{ name: 'QUERY_TAG', value: { value: 'a;b' } }] });
    expect(sessionStatement('ALTER SESSION UNSET query_tag, timezone')).toEqual({ kind: 'alterSession', set: [], unset: ['QUERY_TAG', 'TIMEZONE'] });
    expect(() => sessionStatement('ALTER SESSION SET QUERY_TAG')).toThrow("syntax error line 1 at position 27 unexpected '<EOF>'.");
    expect(() => sessionStatement('ALTER SESSION UNSET QUERY_TAG = 1')).toThrow("unexpected '='");
    expect(() => sessionStatement('ALTER SESSION QUERY_TAG')).toThrow("unexpected 'QUERY_TAG'");
  });

  it('reads SHOW PARAMETERS of the session only, leaving other objects\' parameters alone', () => {
    expect(sessionStatement('SHOW PARAMETERS')).toEqual({ kind: 'showParameters', like: null });
    expect(sessionStatement("show parameters like 'TIME%' in session")).toEqual({ kind: 'showParameters', like: 'TIME%' });
    expect(sessionStatement('SHOW PARAMETERS IN WAREHOUSE w')).toBeNull();
    expect(sessionStatement('SHOW PARAMETERS IN TASK t')).toBeNull();
  });

  it('leaves every other statement alone', () => {
    expect(sessionStatement('SELECT 1')).toBeNull();
    expect(sessionStatement('ALTER TABLE t SET COMMENT = \'x\'')).toBeNull();
    expect(sessionStatement('SHOW TABLES')).toBeNull();
  });
});
