import { describe, expect, it } from 'vitest';
import { catalogStatement } from './catalog-statements';

describe('catalogStatement', () => {
  it('reads database and schema DDL with Snowflake name resolution', () => {
    expect(catalogStatement(`create or replace transient database if not exists "Mixed" comment = 'it''s'`)).toEqual({
      kind: 'createDatabase', name: 'Mixed', orReplace: true, ifNotExists: true, comment: "it's",
    });
    expect(catalogStatement('CREATE SCHEMA reviews.raw WITH MANAGED ACCESS;')).toEqual({
      kind: 'createSchema', schema: { database: 'REVIEWS', name: 'RAW' }, orReplace: false, ifNotExists: false, comment: null,
    });
    expect(catalogStatement('drop schema if exists raw cascade')).toEqual({ kind: 'dropSchema', schema: { database: null, name: 'RAW' }, ifExists: true });
    expect(catalogStatement('drop database d restrict')).toEqual({ kind: 'dropDatabase', name: 'D', ifExists: false });
  });

  it('reads USE in all its forms and SHOW with LIKE and IN', () => {
    expect(catalogStatement('use d')).toEqual({ kind: 'useDatabase', name: 'D' });
    expect(catalogStatement('use d.s')).toEqual({ kind: 'useSchema', schema: { database: 'D', name: 'S' } });
    expect(catalogStatement('use schema s')).toEqual({ kind: 'useSchema', schema: { database: null, name: 'S' } });
    expect(catalogStatement('use warehouse "wh"')).toEqual({ kind: 'useWarehouse', name: 'wh' });
    expect(catalogStatement('use role sysadmin')).toEqual({ kind: 'useRole', name: 'SYSADMIN' });
    expect(catalogStatement('use secondary roles all')).toEqual({ kind: 'useSecondaryRoles' });
    expect(catalogStatement("show schemas like 'R%' in database d")).toEqual({ kind: 'showSchemas', like: 'R%', database: 'D', inAccount: false });
    expect(catalogStatement('show databases')).toEqual({ kind: 'showDatabases', like: null });
  });

  it('leaves other statements to DuckDB and refuses malformed ones with a syntax error', () => {
    expect(catalogStatement('create table t (a int)')).toBeNull();
    expect(catalogStatement('drop table t')).toBeNull();
    expect(catalogStatement('show tables')).toBeNull();
    expect(() => catalogStatement('use database a.b.c')).toThrow("syntax error line 1 at position 14 unexpected '.'");
    expect(() => catalogStatement('create database')).toThrow("unexpected '<EOF>'");
    expect(() => catalogStatement('create database d data_retention_time_in_days = 1')).toThrow("unexpected 'data_retention_time_in_days'");
  });
});
