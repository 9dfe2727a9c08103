import { describe, expect, it } from 'vitest';
import { refuseContainerClone, unsupportedStatement } from './unsupported-statements';

describe('unsupportedStatement', () => {
  it.each([
    ['create or replace transient stream s on table t', 'CREATE STREAM'],
    ['CREATE SECURE MATERIALIZED VIEW v AS SELECT 1', 'CREATE MATERIALIZED VIEW'],
    ['/* load */ COPY INTO t FROM @s', 'COPY INTO'],
    ['alter pipe p refresh', 'ALTER PIPE'],
    ['DROP EXTERNAL ACCESS INTEGRATION i', 'DROP EXTERNAL ACCESS INTEGRATION'],
    ['desc stage s', 'DESCRIBE STAGE'],
    ['SHOW USER FUNCTIONS', 'SHOW USER FUNCTIONS'],
    ['show network policies', 'SHOW NETWORK POLICIES'],
    ['CREATE OR ALTER TABLE t (a INT)', 'CREATE OR ALTER TABLE'],
    ['rm @s/file.csv', 'RM'],
  ])('names %s as %s', (sql, statement) => {
    expect(unsupportedStatement(sql)).toBe(statement);
  });

  it.each([
    'SELECT list, get, put FROM grants',
    'CREATE TABLE stage (stream INT)',
    'CREATE OR REPLACE VIEW pipes AS SELECT 1',
    'CREATE SEQUENCE s',
    'DROP TABLE roles',
    'DESCRIBE TABLE users',
    'SHOW TABLES',
    'SHOW SCHEMAS IN DATABASE d',
    'INSERT INTO tag VALUES (1)',
    '',
  ])('lets %j through', (sql) => {
    expect(unsupportedStatement(sql)).toBeNull();
  });
});

describe('refuseContainerClone', () => {
  it('refuses a clone of a schema or database as unsupported', () => {
    expect(() => refuseContainerClone('CREATE SCHEMA S2 CLONE S1')).toThrow(/Unsupported feature 'CREATE SCHEMA … CLONE'/);
    expect(() => refuseContainerClone('CREATE OR REPLACE TRANSIENT DATABASE D2 CLONE D1')).toThrow(/CREATE DATABASE … CLONE/);
  });

  it('leaves a table clone and a plain CREATE SCHEMA alone', () => {
    expect(() => refuseContainerClone('CREATE TABLE T2 CLONE T1')).not.toThrow();
    expect(() => refuseContainerClone('CREATE SCHEMA S2')).not.toThrow();
  });
});
