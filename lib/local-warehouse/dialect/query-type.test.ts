import { describe, expect, it } from 'vitest';
import { isDml, isTransactionControl, mayChangeSession, queryType, statementTypeId } from './query-type';

describe('queryType', () => {
  it.each([
    ['select 1', 'SELECT'],
    ['  with x as (select 1) select * from x', 'SELECT'],
    ['(select 1)', 'SELECT'],
    ['insert into t values (1)', 'INSERT'],
    ['insert all into t select 1', 'MULTI_TABLE_INSERT'],
    ['insert overwrite first when 1 = 1 then into t select 1', 'MULTI_TABLE_INSERT'],
    ['insert overwrite into t select 1', 'INSERT'],
    ['create or replace transient table t (a int)', 'CREATE_TABLE'],
    ['create table t (a int) as select 1', 'CREATE_TABLE_AS_SELECT'],
    ['create view v as select 1', 'CREATE_VIEW'],
    ['create schema s', 'CREATE'],
    ['alter session set query_tag = 1', 'ALTER_SESSION'],
    ["call system$wait(1)", 'CALL'],
    ['-- comment\nshow tables', 'SHOW'],
    ['desc table t', 'DESCRIBE'],
    ['begin', 'BEGIN_TRANSACTION'],
    ['frobnicate', 'UNKNOWN'],
  ])('%s → %s', (sql, type) => {
    expect(queryType(sql)).toBe(type);
  });

  it('maps types to snowflake-sdk statement type ids', () => {
    expect(statementTypeId('SELECT')).toBe(0x1000);
    expect(statementTypeId('INSERT')).toBe(0x3100);
    expect(statementTypeId('DELETE')).toBe(0x3300);
    expect(statementTypeId('CREATE_TABLE_AS_SELECT')).toBe(0x6000);
    expect(statementTypeId('COMMIT')).toBe(0x5000);
    expect(isDml(statementTypeId('MERGE'))).toBe(true);
    expect(isDml(statementTypeId('SELECT'))).toBe(false);
    expect(isTransactionControl('ROLLBACK')).toBe(true);
    expect(isTransactionControl('SELECT')).toBe(false);
    expect(mayChangeSession('USE')).toBe(true);
    expect(mayChangeSession('UNKNOWN')).toBe(true);
    expect(mayChangeSession('SELECT')).toBe(false);
  });
});
